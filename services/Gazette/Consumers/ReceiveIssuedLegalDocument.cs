using Microsoft.EntityFrameworkCore;
using Platform.Contracts;
using Platform.Contracts.Events;
using Platform.Gazette.Intake;
using Platform.Gazette.Persistence;
using Platform.ServiceDefaults.Events;

namespace Platform.Gazette.Consumers;

/// <summary>
/// An issued legal normative document enters the gazette register. A secret document never
/// does, whatever its flags say (Nghị định 30/2020: secret documents are never published).
/// </summary>
public sealed partial class ReceiveIssuedLegalDocument(GazetteDbContext db, RegisterIntake intake, ILogger<ReceiveIssuedLegalDocument> logger)
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
        // The event does not name the issuing body: documents issued on this platform are the People's Committee's own.
        await intake.ReceiveAsync(new ReceivedDocument(
            @event.DocumentId, @event.NumberAndCode, @event.DocumentType, @event.Subject, IssuingBodyOf(@event.NumberAndCode),
            @event.SignerName, @event.IssuedDate, @event.Secrecy), "system", cancellationToken);
    }

    /// <summary>"15/2026/QĐ-UBND" is issued by the UBND: the last group of the code names the body.</summary>
    private static string IssuingBodyOf(string numberAndCode) =>
        numberAndCode.Split('-').Last() switch
        {
            "UBND" => "Ủy ban nhân dân tỉnh",
            "HĐND" => "Hội đồng nhân dân tỉnh",
            var other => other,
        };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused secret document {DocumentId} at gazette intake")]
    private static partial void LogSecretRefused(ILogger logger, Guid documentId);
}
