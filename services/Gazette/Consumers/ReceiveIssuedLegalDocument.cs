using Microsoft.EntityFrameworkCore;
using Platform.Contracts;
using Platform.Contracts.Events;
using Platform.Gazette.Domain;
using Platform.Gazette.Persistence;
using Platform.ServiceDefaults;
using Platform.ServiceDefaults.Events;

namespace Platform.Gazette.Consumers;

/// <summary>
/// An issued legal normative document enters the gazette register. A secret document never
/// does, whatever its flags say (Nghị định 30/2020: secret documents are never published).
/// </summary>
public sealed partial class ReceiveIssuedLegalDocument(GazetteDbContext db, TimeProvider clock, ILogger<ReceiveIssuedLegalDocument> logger)
    : IEventHandler<DocumentIssued>
{
    public async Task HandleAsync(DocumentIssued @event, EventContext context, CancellationToken cancellationToken)
    {
        if (!@event.IsLegalNormative) return;
        if (@event.Secrecy != Secrecy.None)
        {
            LogSecretRefused(logger, @event.DocumentId);
            return;
        }
        if (await db.Entries.AnyAsync(e => e.DocumentId == @event.DocumentId, cancellationToken)) return;
        var now = clock.GetUtcNow();
        db.Entries.Add(new GazetteEntry
        {
            Id = Guid.CreateVersion7(),
            DocumentId = @event.DocumentId,
            NumberAndCode = @event.NumberAndCode,
            DocumentType = @event.DocumentType,
            Subject = @event.Subject,
            SignedDate = @event.IssuedDate,
            ReceivedDate = VietnamTime.Today(clock),
            ReceivedAtUtc = now.UtcDateTime,
        });
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused secret document {DocumentId} at gazette intake")]
    private static partial void LogSecretRefused(ILogger logger, Guid documentId);
}
