using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Gazette.Domain;
using Platform.Gazette.Persistence;
using Platform.Gazette.Publishing;
using Platform.ServiceDefaults.Auth;
using Platform.ServiceDefaults.Errors;
using Platform.ServiceDefaults.Storage;

namespace Platform.Gazette.Apis;

/// <summary>Gazette issues (số công báo): composed by the gazette editor, then published.</summary>
public static class GazetteIssuesApi
{
    public static RouteGroupBuilder MapGazetteIssuesApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/gazette/issues").RequireAuthorization(Policies.GazetteAccess).WithTags("Gazette issues");
        group.MapGet("/", List);
        group.MapGet("/{id:guid}", Get);
        var editor = endpoints.MapGroup("/api/gazette/issues").RequireAuthorization(GazetteServiceRegistration.EditorPolicy).WithTags("Gazette issues");
        editor.MapPost("/", Create);
        editor.MapPut("/{id:guid}", Compose);
        editor.MapDelete("/{id:guid}", Delete);
        editor.MapPost("/{id:guid}/publish", Publish);
        return group;
    }

    private static async Task<Ok<IssueView[]>> List(GazetteDbContext db, int? year, IssueStatus? status, CancellationToken cancellationToken)
    {
        var query = db.Issues.AsNoTracking().Include(i => i.Documents).AsQueryable();
        if (year is not null) query = query.Where(i => i.Year == year);
        if (status is not null) query = query.Where(i => i.Status == status);
        var issues = await query.OrderByDescending(i => i.CreatedAtUtc).Take(200).ToListAsync(cancellationToken);
        return TypedResults.Ok(issues.Select(IssueView.From).ToArray());
    }

    private static async Task<Results<Ok<IssueView>, NotFound>> Get(Guid id, GazetteDbContext db, CancellationToken cancellationToken)
    {
        var issue = await db.Issues.AsNoTracking().Include(i => i.Documents).SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
        return issue is null ? TypedResults.NotFound() : TypedResults.Ok(IssueView.From(issue));
    }

    private static async Task<Created<IssueView>> Create(
        ComposeIssueRequest request, ClaimsPrincipal user, GazetteDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (request.CorrectsIssueId is { } corrected
            && !await db.Issues.AnyAsync(i => i.Id == corrected && i.Status == IssueStatus.Published, cancellationToken))
            throw new DomainRuleException("Số đính chính phải dẫn chiếu một số công báo đã phát hành.", 400, "corrected-issue-not-published");
        var issue = new GazetteIssue
        {
            Id = Guid.CreateVersion7(),
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
            CreatedBy = user.Username(),
            CorrectsIssueId = request.CorrectsIssueId,
        };
        await ComposeAsync(issue, request, db, cancellationToken);
        db.Issues.Add(issue);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/gazette/issues/{issue.Id}", IssueView.From(issue));
    }

    private static async Task<Results<Ok<IssueView>, NotFound>> Compose(
        Guid id, ComposeIssueRequest request, GazetteDbContext db, CancellationToken cancellationToken)
    {
        var issue = await db.Issues.Include(i => i.Documents).SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (issue is null) return TypedResults.NotFound();
        await ComposeAsync(issue, request, db, cancellationToken);
        await SaveAsync(db, cancellationToken);
        return TypedResults.Ok(IssueView.From(issue));
    }

    private static async Task<Results<NoContent, NotFound>> Delete(Guid id, GazetteDbContext db, CancellationToken cancellationToken)
    {
        var issue = await db.Issues.Include(i => i.Documents).SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (issue is null) return TypedResults.NotFound();
        issue.EnsureDraft();
        await db.Entries.Where(e => e.IssueId == id).ForEachAsync(e => e.IssueId = null, cancellationToken);
        db.Issues.Remove(issue);
        await SaveAsync(db, cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<IssueView>> Publish(Guid id, ClaimsPrincipal user, IssuePublisher publisher, CancellationToken cancellationToken) =>
        TypedResults.Ok(IssueView.From(await publisher.PublishAsync(id, user.Username(), cancellationToken)));

    private static async Task ComposeAsync(GazetteIssue issue, ComposeIssueRequest request, GazetteDbContext db, CancellationToken cancellationToken)
    {
        var ids = (request.EntryIds ?? []).Distinct().ToList();
        var found = await db.Entries.Where(e => ids.Contains(e.Id) || e.IssueId == issue.Id).ToListAsync(cancellationToken);
        var missing = ids.Where(id => found.All(e => e.Id != id)).ToList();
        if (missing.Count > 0) throw new DomainRuleException("Không tìm thấy văn bản trong sổ công báo: " + string.Join(", ", missing), 400, "entry-not-found");
        var entries = ids.Select(id => found.Single(e => e.Id == id)).ToList();
        issue.Compose(entries, request.Combined, request.CorrectionNote.NfcOrNull());
        foreach (var entry in found) entry.IssueId = ids.Contains(entry.Id) ? issue.Id : null;
    }

    private static async Task SaveAsync(GazetteDbContext db, CancellationToken cancellationToken)
    {
        try { await db.SaveChangesAsync(cancellationToken); }
        catch (DbUpdateConcurrencyException)
        {
            throw new DomainRuleException("Số công báo vừa được người khác thay đổi hoặc phát hành; hãy tải lại.", code: "issue-changed");
        }
    }
}

/// <summary>The documents of an issue in order; two numbers when combined; the issue it corrects, if any.</summary>
public sealed record ComposeIssueRequest(IReadOnlyList<Guid>? EntryIds, bool Combined = false, Guid? CorrectsIssueId = null, string? CorrectionNote = null);

public sealed record IssueView(
    Guid Id, IssueStatus Status, string Label, int? Year, IReadOnlyList<int> Numbers, DateOnly? PublishedDate, Guid? CorrectsIssueId,
    string? CorrectionNote, IReadOnlyList<Guid> EntryIds, string? PdfUrl, string? SignatureUrl)
{
    public static IssueView From(GazetteIssue issue) => new(
        issue.Id, issue.Status, issue.Label, issue.Year, issue.Numbers, issue.PublishedDate, issue.CorrectsIssueId, issue.CorrectionNote,
        [.. issue.Documents.OrderBy(d => d.Position).Select(d => d.EntryId)],
        issue.PdfFileId is null ? null : $"/api/gazette/public/issues/{issue.Id}/pdf",
        issue.SignatureFileId is null ? null : $"/api/gazette/public/issues/{issue.Id}/pdf.p7s");
}
