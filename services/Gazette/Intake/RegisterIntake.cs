using Microsoft.EntityFrameworkCore;
using Platform.Contracts;
using Platform.Gazette.Domain;
using Platform.Gazette.Persistence;
using Platform.ServiceDefaults;
using Platform.ServiceDefaults.Errors;
using Platform.ServiceDefaults.Storage;

namespace Platform.Gazette.Intake;

/// <summary>
/// Enters a received document in the gazette register (tiếp nhận), whichever way it came:
/// announced by the Documents service or sent in by hand. Both ways refuse secret documents.
/// </summary>
public sealed class RegisterIntake(GazetteDbContext db, GazetteDeadlines deadlines, TimeProvider clock)
{
    public static readonly string SecretRefused =
        "Văn bản mật không được đăng công báo (Nghị định 30/2020/NĐ-CP); văn bản không được tiếp nhận.";

    public async Task<GazetteEntry> ReceiveAsync(ReceivedDocument document, string by, CancellationToken cancellationToken)
    {
        if (document.Secrecy != Secrecy.None) throw new DomainRuleException(SecretRefused, 422, "secret-refused");
        if (document.DocumentId is { } id && await db.Entries.AnyAsync(e => e.DocumentId == id, cancellationToken))
            throw new DomainRuleException("Văn bản đã có trong sổ công báo.", code: "entry-exists");
        var now = clock.GetUtcNow().UtcDateTime;
        var received = document.ReceivedDate ?? VietnamTime.Today(clock);
        var sendBy = deadlines.SendBy(document.SignedDate);
        var entry = new GazetteEntry
        {
            Id = Guid.CreateVersion7(),
            DocumentId = document.DocumentId,
            Source = document.DocumentId is null ? EntrySource.Manual : EntrySource.Platform,
            NumberAndCode = document.NumberAndCode.Nfc(),
            DocumentType = document.DocumentType.Nfc(),
            Subject = document.Subject.Nfc(),
            IssuingBody = document.IssuingBody.Nfc(),
            SignerName = document.SignerName.NfcOrNull(),
            SignedDate = document.SignedDate,
            ReceivedDate = received,
            ReceivedAtUtc = now,
            SendBy = sendBy,
            SentLate = received > sendBy,
            PublishBy = deadlines.PublishBy(received),
        };
        entry.SearchText = SearchFolding.Fold($"{entry.NumberAndCode} {entry.DocumentType} {entry.Subject} {entry.IssuingBody}");
        entry.AttachOriginal(document.Text.NfcOrNull() ?? OriginalText.Extract(document.Original), document.Original);
        if (document.Original is not null) db.Files.Add(document.Original);
        entry.History.Add(EntryHistory.Record(entry, EntryAction.Received, by, now, document.Original?.FileName));
        db.Entries.Add(entry);
        return entry;
    }
}

/// <summary>A document as it arrives at the gazette, before it is an entry.</summary>
public sealed record ReceivedDocument(
    Guid? DocumentId,
    string NumberAndCode,
    string DocumentType,
    string Subject,
    string IssuingBody,
    string? SignerName,
    DateOnly SignedDate,
    Secrecy Secrecy,
    DateOnly? ReceivedDate = null,
    string? Text = null,
    StoredFile? Original = null);
