using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Gazette.Domain;
using Platform.Gazette.Persistence;
using Platform.ServiceDefaults.Signing;

namespace Platform.Gazette.Apis;

/// <summary>
/// The public gazette (anonymous): search published issues and documents, download each
/// PDF with its detached signature, and check a signature. Only published issues are
/// ever visible here, and secret documents never entered the gazette at all.
/// </summary>
public static class PublicGazetteApi
{
    public const string Prefix = "/api/gazette/public";

    public static RouteGroupBuilder MapPublicGazetteApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup(Prefix).AllowAnonymous().WithTags("Public gazette");
        group.MapGet("/issues", SearchIssues);
        group.MapGet("/issues/{id:guid}/pdf", (Guid id, GazetteDbContext db, CancellationToken ct) => IssueFile(id, db, signature: false, ct));
        group.MapGet("/issues/{id:guid}/pdf.p7s", (Guid id, GazetteDbContext db, CancellationToken ct) => IssueFile(id, db, signature: true, ct));
        group.MapGet("/issues/{id:guid}/verification", VerifyIssue);
        group.MapGet("/documents", SearchDocuments);
        group.MapGet("/documents/{entryId:guid}/pdf", (Guid entryId, GazetteDbContext db, CancellationToken ct) => DocumentFile(entryId, db, signature: false, ct));
        group.MapGet("/documents/{entryId:guid}/pdf.p7s", (Guid entryId, GazetteDbContext db, CancellationToken ct) => DocumentFile(entryId, db, signature: true, ct));
        group.MapPost("/verification", VerifyUpload).DisableAntiforgery();
        return group;
    }

    private static IQueryable<GazetteIssue> Published(GazetteDbContext db) =>
        db.Issues.AsNoTracking().Where(i => i.Status == IssueStatus.Published);

    private static async Task<Ok<IssueView[]>> SearchIssues(
        GazetteDbContext db, int? year, int? number, DateOnly? from, DateOnly? to, CancellationToken cancellationToken)
    {
        var query = Published(db).Include(i => i.Documents).AsQueryable();
        if (year is not null) query = query.Where(i => i.Year == year);
        // A combined issue "Số 12 + 13" answers to either of its numbers.
        if (number is not null) query = query.Where(i => i.FirstNumber <= number && number < i.FirstNumber + i.NumberCount);
        if (from is not null) query = query.Where(i => i.PublishedDate >= from);
        if (to is not null) query = query.Where(i => i.PublishedDate <= to);
        var issues = await query.OrderByDescending(i => i.Year).ThenByDescending(i => i.FirstNumber).Take(200).ToListAsync(cancellationToken);
        return TypedResults.Ok(issues.Select(IssueView.From).ToArray());
    }

    private static async Task<Ok<PublishedDocumentView[]>> SearchDocuments(
        GazetteDbContext db, string? q, string? code, string? subject, DateOnly? from, DateOnly? to, int? year, string? type,
        string? issuingBody, CancellationToken cancellationToken)
    {
        var query = from e in db.Entries.AsNoTracking()
                    join d in db.IssueDocuments on e.Id equals d.EntryId
                    join i in db.Issues on d.IssueId equals i.Id
                    where i.Status == IssueStatus.Published
                    select new { Entry = e, Issue = i };
        foreach (var term in new[] { q, subject }.Select(SearchFolding.Fold).Where(t => t.Length > 0))
            query = query.Where(x => x.Entry.SearchText.Contains(term));
        if (!string.IsNullOrWhiteSpace(code))
        {
            var folded = SearchFolding.Fold(code);
            query = query.Where(x => x.Entry.SearchText.Contains(folded));
        }
        if (!string.IsNullOrWhiteSpace(type)) { var t = SearchFolding.Fold(type); query = query.Where(x => x.Entry.SearchText.Contains(t)); }
        if (!string.IsNullOrWhiteSpace(issuingBody)) { var b = SearchFolding.Fold(issuingBody); query = query.Where(x => x.Entry.SearchText.Contains(b)); }
        // The date range and the year are the gazette's: when the document was published.
        if (from is not null) query = query.Where(x => x.Issue.PublishedDate >= from);
        if (to is not null) query = query.Where(x => x.Issue.PublishedDate <= to);
        if (year is not null) query = query.Where(x => x.Issue.Year == year);
        var rows = await query.OrderByDescending(x => x.Issue.PublishedAtUtc).Take(200).ToListAsync(cancellationToken);
        // Matching with the diacritics as typed ranks above matching only once they are folded away.
        var typed = (q ?? subject)?.Normalize(System.Text.NormalizationForm.FormC).Trim();
        return TypedResults.Ok(rows
            .OrderByDescending(x => !string.IsNullOrEmpty(typed) && x.Entry.Subject.Contains(typed, StringComparison.OrdinalIgnoreCase))
            .Select(x => PublishedDocumentView.From(x.Entry, x.Issue)).ToArray());
    }

    private static async Task<Results<FileContentHttpResult, NotFound>> IssueFile(Guid id, GazetteDbContext db, bool signature, CancellationToken cancellationToken)
    {
        var fileId = await Published(db).Where(i => i.Id == id).Select(i => signature ? i.SignatureFileId : i.PdfFileId).SingleOrDefaultAsync(cancellationToken);
        return await FileAsync(fileId, db, cancellationToken);
    }

    private static async Task<Results<FileContentHttpResult, NotFound>> DocumentFile(Guid entryId, GazetteDbContext db, bool signature, CancellationToken cancellationToken)
    {
        var fileId = await (from d in db.IssueDocuments
                            join i in db.Issues on d.IssueId equals i.Id
                            where d.EntryId == entryId && i.Status == IssueStatus.Published
                            select signature ? d.SignatureFileId : d.PdfFileId).SingleOrDefaultAsync(cancellationToken);
        return await FileAsync(fileId, db, cancellationToken);
    }

    private static async Task<Results<FileContentHttpResult, NotFound>> FileAsync(Guid? fileId, GazetteDbContext db, CancellationToken cancellationToken)
    {
        if (fileId is null) return TypedResults.NotFound();
        var file = await db.Files.AsNoTracking().SingleAsync(f => f.Id == fileId, cancellationToken);
        return TypedResults.File(file.Content, file.ContentType, file.FileName);
    }

    /// <summary>Checks the stored PDF of a published issue against its stored signature.</summary>
    private static async Task<Results<Ok<SignatureCheck>, NotFound>> VerifyIssue(Guid id, GazetteDbContext db, OfficeCertificate office, CancellationToken cancellationToken)
    {
        var issue = await Published(db).SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (issue?.PdfFileId is null || issue.SignatureFileId is null) return TypedResults.NotFound();
        var files = await db.Files.AsNoTracking().Where(f => f.Id == issue.PdfFileId || f.Id == issue.SignatureFileId).ToDictionaryAsync(f => f.Id, cancellationToken);
        return TypedResults.Ok(DetachedSignature.Verify(files[issue.PdfFileId.Value].Content, files[issue.SignatureFileId.Value].Content, office.Certificate));
    }

    /// <summary>Checks a copy someone downloaded: the PDF and its .p7s, as they have them.</summary>
    private static async Task<Results<Ok<SignatureCheck>, ValidationProblem>> VerifyUpload(IFormFile? pdf, IFormFile? signature, OfficeCertificate office, CancellationToken cancellationToken)
    {
        if (pdf is null || signature is null)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["files"] = ["Gửi cả tệp PDF (pdf) và tệp chữ ký (signature)."] });
        return TypedResults.Ok(DetachedSignature.Verify(await ReadAsync(pdf, cancellationToken), await ReadAsync(signature, cancellationToken), office.Certificate));
    }

    private static async Task<byte[]> ReadAsync(IFormFile file, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, cancellationToken);
        return buffer.ToArray();
    }
}

public sealed record PublishedDocumentView(
    Guid EntryId, string NumberAndCode, string DocumentType, string Subject, string IssuingBody, DateOnly SignedDate,
    Guid IssueId, string IssueLabel, int? Year, DateOnly? PublishedDate, string PdfUrl, string SignatureUrl)
{
    public static PublishedDocumentView From(GazetteEntry entry, GazetteIssue issue) => new(
        entry.Id, entry.NumberAndCode, entry.DocumentType, entry.Subject, entry.IssuingBody, entry.SignedDate, issue.Id, issue.Label,
        issue.Year, issue.PublishedDate, $"{PublicGazetteApi.Prefix}/documents/{entry.Id}/pdf", $"{PublicGazetteApi.Prefix}/documents/{entry.Id}/pdf.p7s");
}
