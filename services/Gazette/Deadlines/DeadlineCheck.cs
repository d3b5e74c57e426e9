using Microsoft.EntityFrameworkCore;
using Platform.Contracts.Events;
using Platform.Gazette.Domain;
using Platform.Gazette.Persistence;
using Platform.ServiceDefaults;
using Platform.ServiceDefaults.Events.Outbox;

namespace Platform.Gazette.Deadlines;

/// <summary>
/// Looks at every unpublished entry against its publishing deadline and announces each
/// one that became due soon or overdue since the last look, once per state.
/// </summary>
public sealed class DeadlineCheck(GazetteDbContext db, Outbox outbox, GazetteDeadlines deadlines, WorkingCalendar calendar, TimeProvider clock)
{
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var today = VietnamTime.Today(clock);
        var pending = await db.Entries.Where(e => e.Status != EntryStatus.Published).ToListAsync(cancellationToken);
        var announced = 0;
        foreach (var entry in pending)
        {
            var state = deadlines.StateOn(entry.PublishBy, today);
            if (state <= entry.AnnouncedState) continue;
            entry.AnnouncedState = state;
            outbox.Add(new GazetteDeadlineApproaching(
                entry.Id, entry.DocumentId, entry.NumberAndCode, entry.Subject, entry.IssuingBody, entry.ReceivedDate,
                entry.PublishBy, state == DeadlineState.Overdue, calendar.WorkingDaysBetween(today, entry.PublishBy), clock.GetUtcNow()));
            announced++;
        }
        await db.SaveChangesAsync(cancellationToken);
        return announced;
    }
}
