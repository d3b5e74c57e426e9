using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Contracts.Events;
using Platform.ServiceDefaults;
using Platform.ServiceDefaults.Events.Outbox;
using Platform.Tasks.Domain;
using Platform.Tasks.Grains;

namespace Platform.Tasks.Persistence;

/// <summary>
/// Writes a grain's change to the read model, its integration events to the outbox and its
/// reminders to the notification outbox, in one transaction. The row's version says which
/// history entries are already in, so a replay adds nothing twice.
/// </summary>
public sealed class TaskReadModelProjection(IServiceScopeFactory scopes, WorkingCalendar calendar, IOptions<TasksOptions> options) : ITaskProjection
{
    public async Task ProjectAsync(TaskRecord record, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TasksDbContext>();
        var outbox = scope.ServiceProvider.GetRequiredService<Outbox>();
        var row = await db.Tasks.FirstOrDefaultAsync(t => t.Id == record.Id, cancellationToken);
        var seen = row?.Version ?? 0;
        if (seen >= record.History.Count) return;
        if (row is null)
        {
            row = new TrackedTask { Id = record.Id };
            db.Tasks.Add(row);
        }
        row.CopyFrom(record, calendar, options.Value.DueSoonWorkingDays);
        foreach (var entry in record.History.Skip(seen))
        {
            Announce(record, entry, db, outbox);
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    private void Announce(TaskRecord record, HistoryEntry entry, TasksDbContext db, Outbox outbox)
    {
        switch (entry.Action)
        {
            case TaskAction.Created:
                outbox.Add(new TaskCreated(record.Id, record.SourceDocumentId, record.Content, record.LeadUnit,
                    record.SupportingUnits, record.Deadline, record.AssignedBy, entry.At, record.Secrecy));
                return;
            case TaskAction.BecameDueSoon when entry.Deadline is { } due:
                var today = DateOnly.FromDateTime(VietnamTime.ToLocal(entry.At).DateTime);
                var left = calendar.WorkingDaysBetween(today, due);
                outbox.Add(new TaskDueSoon(record.Id, record.LeadUnit, due, left, entry.At));
                db.Notifications.Add(Notification(record, "DueSoon", due, entry.At, ReminderText.DueSoon(record, due, left)));
                return;
            case TaskAction.BecameOverdue when entry.Deadline is { } due:
                outbox.Add(new TaskOverdue(record.Id, record.LeadUnit, due, entry.At));
                db.Notifications.Add(Notification(record, "Overdue", due, entry.At, ReminderText.Overdue(record, due)));
                return;
        }
        if (entry.From != entry.To)
        {
            outbox.Add(new TaskStatusChanged(record.Id, record.LeadUnit, entry.From, entry.To, entry.By, entry.Note, entry.At, record.Secrecy));
        }
    }

    private static NotificationMessage Notification(TaskRecord record, string kind, DateOnly due, DateTimeOffset at, string text) => new()
    {
        Id = Guid.CreateVersion7(),
        TaskId = record.Id,
        Kind = kind,
        Deadline = due,
        Recipient = record.LeadUnit,
        Text = text,
        CreatedAtUtc = at.UtcDateTime,
    };
}
