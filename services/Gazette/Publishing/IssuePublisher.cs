using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Contracts.Events;
using Platform.Gazette.Domain;
using Platform.Gazette.Persistence;
using Platform.ServiceDefaults.Signing;
using Platform.ServiceDefaults;
using Platform.ServiceDefaults.Errors;
using Platform.ServiceDefaults.Events.Outbox;
using Platform.ServiceDefaults.Storage;

namespace Platform.Gazette.Publishing;

/// <summary>
/// Publishes a draft issue (phát hành): takes its number(s) from the yearly series, renders
/// the issue PDF and one extract per document, signs each with the office certificate,
/// freezes the issue and announces it, all in one transaction. A publish that fails gives
/// its numbers back, so the series has no gaps.
/// </summary>
public sealed class IssuePublisher(GazetteDbContext db, Outbox outbox, OfficeCertificate office, IOptions<GazetteOptions> options, TimeProvider clock)
{
    public const string Series = "gazette-issue";

    public async Task<GazetteIssue> PublishAsync(Guid issueId, string by, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginOrJoinTransactionAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var today = VietnamTime.Today(clock);
        // The number comes first: holding the series lock, this publish reads the issue and its
        // documents only after any other publish has committed, so none is published twice.
        var first = await NumberSeries.NextAsync(db, Series, today.Year, cancellationToken);
        var issue = await db.Issues.Include(i => i.Documents).SingleOrDefaultAsync(i => i.Id == issueId, cancellationToken)
            ?? throw new DomainRuleException("Không tìm thấy số công báo.", 404, "issue-not-found");
        issue.EnsureDraft();
        var entryIds = issue.Documents.Select(d => d.EntryId).ToList();
        var entries = await db.Entries.Where(e => entryIds.Contains(e.Id)).ToDictionaryAsync(e => e.Id, cancellationToken);
        var ordered = issue.Documents.OrderBy(d => d.Position).Select(d => entries[d.EntryId]).ToList();
        var unready = ordered.FirstOrDefault(e => !e.CanBePublished || e.IssueId != issue.Id);
        if (unready is not null)
            throw new DomainRuleException($"Văn bản {unready.NumberAndCode} chưa sẵn sàng để đăng (đã trả lại hoặc chưa có nội dung).", code: "entry-not-ready");
        GazetteIssue? corrected = issue.CorrectsIssueId is { } correctedId
            ? await db.Issues.AsNoTracking().SingleAsync(i => i.Id == correctedId, cancellationToken)
            : null;

        for (var extra = 1; extra < issue.NumberCount; extra++)
        {
            // Inside one transaction the series row stays locked, so the second number is the next one.
            await NumberSeries.NextAsync(db, Series, today.Year, cancellationToken);
        }
        issue.Publish(today.Year, first, today, now.UtcDateTime, by);

        var documents = ordered.Select(e => new IssueContentDocument(e.NumberAndCode, e.DocumentType, e.Subject, e.IssuingBody, e.SignedDate, e.Text!)).ToList();
        var content = new IssueContent(options.Value.OfficeName, issue.Label, today, corrected?.Label is { } label ? $"{label} năm {corrected.Year}" : null, issue.CorrectionNote, documents);
        var (pdf, signature) = SignedPdf($"cong-bao-{today.Year}-so-{string.Join("-", issue.Numbers)}", IssuePdfRenderer.Render(content), now);
        issue.AttachPdf(pdf, signature);
        for (var i = 0; i < ordered.Count; i++)
        {
            var (documentPdf, documentSignature) = SignedPdf(
                $"cong-bao-{today.Year}-so-{string.Join("-", issue.Numbers)}-vb-{i + 1}",
                IssuePdfRenderer.Render(content with { Documents = [documents[i]] }), now);
            var placed = issue.Documents.Single(d => d.EntryId == ordered[i].Id);
            placed.PdfFileId = documentPdf.Id;
            placed.SignatureFileId = documentSignature.Id;
            ordered[i].MarkPublished(by, now.UtcDateTime, issue.Label);
        }

        outbox.Add(new GazetteIssuePublished(issue.Id, today.Year, issue.Numbers, today, [.. ordered.Select(e => e.DocumentId ?? e.Id)],
            $"/api/gazette/public/issues/{issue.Id}/pdf", now));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new DomainRuleException("Số công báo vừa được người khác thay đổi hoặc phát hành; hãy tải lại.", code: "issue-changed");
        }
        await transaction.CommitAsync(cancellationToken);
        return issue;
    }

    private (StoredFile Pdf, StoredFile Signature) SignedPdf(string name, byte[] pdf, DateTimeOffset now)
    {
        var pdfFile = StoredFile.From(name + ".pdf", "application/pdf", pdf, now.UtcDateTime);
        var signature = StoredFile.From(name + ".pdf.p7s", "application/pkcs7-signature",
            DetachedSignature.Sign(pdf, office.Certificate, now), now.UtcDateTime);
        db.Files.AddRange(pdfFile, signature);
        return (pdfFile, signature);
    }
}
