using Platform.Contracts.Events;
using Platform.Reporting.Domain;
using Platform.Reporting.Persistence;
using Platform.ServiceDefaults;
using Platform.ServiceDefaults.Events;

namespace Platform.Reporting.Consumers;

/// <summary>Counts documents received and issued.</summary>
public sealed class RecordDocumentFacts(ReportingDbContext db) : IEventHandler<DocumentRegistered>, IEventHandler<DocumentIssued>
{
    public Task HandleAsync(DocumentRegistered @event, EventContext context, CancellationToken cancellationToken)
    {
        db.DocumentFacts.Add(new DocumentFact
        {
            EventId = context.EventId,
            DocumentId = @event.DocumentId,
            Flow = DocumentFlow.Received,
            Day = DateOnly.FromDateTime(VietnamTime.ToLocal(@event.RegisteredAt).DateTime),
            Unit = @event.RegisteredByUnit,
            DocumentType = @event.DocumentType,
            Urgency = @event.Urgency,
        });
        return Task.CompletedTask;
    }

    public Task HandleAsync(DocumentIssued @event, EventContext context, CancellationToken cancellationToken)
    {
        db.DocumentFacts.Add(new DocumentFact
        {
            EventId = context.EventId,
            DocumentId = @event.DocumentId,
            Flow = DocumentFlow.Issued,
            Day = @event.IssuedDate,
            Unit = "",
            DocumentType = @event.DocumentType,
            Urgency = Platform.Contracts.Urgency.Normal,
        });
        return Task.CompletedTask;
    }
}

/// <summary>Counts tasks entered per lead unit.</summary>
public sealed class RecordTaskFacts(ReportingDbContext db) : IEventHandler<TaskCreated>
{
    public Task HandleAsync(TaskCreated @event, EventContext context, CancellationToken cancellationToken)
    {
        db.TaskFacts.Add(new TaskFact
        {
            EventId = context.EventId,
            TaskId = @event.TaskId,
            Day = DateOnly.FromDateTime(VietnamTime.ToLocal(@event.CreatedAt).DateTime),
            LeadUnit = @event.LeadUnit,
            Deadline = @event.Deadline,
        });
        return Task.CompletedTask;
    }
}
