using Platform.Contracts;
using Platform.Contracts.Events;
using Platform.Reporting.Domain;
using Platform.Reporting.Persistence;
using Platform.ServiceDefaults;

namespace Platform.Reporting.Consumers;

/// <summary>
/// Turns one consumed event into fact rows. Live consumption and the rebuild both go through
/// here, which is what makes a rebuild reproduce the same figures. Facts are only ever added,
/// keyed by event id; reports work out each task's status as of their cut-off.
/// </summary>
public sealed class FactProjector(ReportingDbContext db)
{
    public void Apply(object @event, string eventId)
    {
        switch (@event)
        {
            case DocumentRegistered e:
                db.DocumentFacts.Add(new DocumentFact
                {
                    EventId = eventId, DocumentId = e.DocumentId, Flow = DocumentFlow.Received, Day = DayOf(e.RegisteredAt),
                    Unit = e.RegisteredByUnit, DocumentType = e.DocumentType, Urgency = e.Urgency,
                });
                break;
            case DocumentIssued e:
                db.DocumentFacts.Add(new DocumentFact
                {
                    EventId = eventId, DocumentId = e.DocumentId, Flow = DocumentFlow.Issued, Day = e.IssuedDate,
                    Unit = DraftingUnit(e.NumberAndCode), DocumentType = e.DocumentType, Urgency = Urgency.Normal,
                    ForGazette = e.IsLegalNormative && e.Secrecy == Secrecy.None,
                });
                break;
            case DocumentAssigned e:
                db.AssignmentFacts.Add(new AssignmentFact
                {
                    EventId = eventId, DocumentId = e.DocumentId, LeadUnit = e.LeadUnit, Deadline = e.Deadline, AssignedAt = e.AssignedAt.ToUniversalTime(),
                });
                break;
            case TaskCreated e:
                db.TaskFacts.Add(new TaskFact
                {
                    EventId = eventId, TaskId = e.TaskId, Day = DayOf(e.CreatedAt), LeadUnit = e.LeadUnit,
                    Deadline = e.Deadline, SourceDocumentId = e.SourceDocumentId,
                });
                break;
            case TaskStatusChanged e:
                db.TaskStatusFacts.Add(new TaskStatusFact
                {
                    EventId = eventId, TaskId = e.TaskId, To = e.To, ChangedAt = e.ChangedAt.ToUniversalTime(), Day = DayOf(e.ChangedAt),
                });
                break;
            case TaskDueSoon e:
                db.TaskAlertFacts.Add(new TaskAlertFact { EventId = eventId, TaskId = e.TaskId, Alert = TaskAlert.DueSoon, Deadline = e.Deadline, Day = DayOf(e.DetectedAt) });
                break;
            case TaskOverdue e:
                db.TaskAlertFacts.Add(new TaskAlertFact { EventId = eventId, TaskId = e.TaskId, Alert = TaskAlert.Overdue, Deadline = e.Deadline, Day = DayOf(e.DetectedAt) });
                break;
            case GazetteIssuePublished e:
                foreach (var documentId in e.DocumentIds.Distinct())
                {
                    db.GazettePublicationFacts.Add(new GazettePublicationFact
                    {
                        EventId = eventId, DocumentId = documentId, IssueId = e.IssueId, PublishedDate = e.PublishedDate,
                    });
                }
                break;
            case FeedbackReceived e:
                db.FeedbackFacts.Add(new FeedbackFact { EventId = eventId, FeedbackId = e.FeedbackId, Day = DayOf(e.ReceivedAt) });
                break;
            default:
                throw new InvalidOperationException($"Reporting has no facts for {@event.GetType().Name}.");
        }
    }

    private static DateOnly DayOf(DateTimeOffset at) => DateOnly.FromDateTime(VietnamTime.ToLocal(at).DateTime);

    /// <summary>
    /// The last group of the code names the drafting unit for a công văn (45/UBND-KT) and the
    /// issuing body otherwise (05/QĐ-UBND); the events carry no other unit for issued documents.
    /// </summary>
    public static string DraftingUnit(string numberAndCode)
    {
        var code = numberAndCode[(numberAndCode.LastIndexOf('/') + 1)..];
        var last = code[(code.LastIndexOf('-') + 1)..].Trim();
        return last.Length is > 0 and <= 50 ? last : "";
    }
}
