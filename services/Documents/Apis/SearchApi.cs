using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Contracts;
using Platform.Documents.Domain;
using Platform.Documents.Search;
using Platform.ServiceDefaults.Auth;

namespace Platform.Documents.Apis;

/// <summary>Full-text search over documents (tìm kiếm văn bản), trimmed by the caller's unit and clearance.</summary>
public static class SearchApi
{
    public static RouteGroupBuilder MapSearchApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/documents/search")
            .RequireAuthorization(Policies.DocumentsAccess)
            .WithTags("Search");
        group.MapGet("/", Search);
        group.MapPost("/rebuild", Rebuild).RequireAuthorization(p => p.RequireRole(Roles.Administrator));
        return group;
    }

    private static async Task<Results<Ok<SearchResponse>, ValidationProblem>> Search(
        ClaimsPrincipal user, IDocumentSearch search, string? q, string? type, string? issuingBody, DateOnly? from, DateOnly? to,
        string? status, string? unit, Urgency? urgency, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        if (from > to) return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["from"] = ["Từ ngày phải trước đến ngày."] }, title: "Điều kiện tìm kiếm không hợp lệ");
        if (q is { Length: > 500 }) return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["q"] = ["Từ khóa tối đa 500 ký tự."] }, title: "Điều kiện tìm kiếm không hợp lệ");
        var query = new SearchQuery
        {
            Text = q, DocumentType = type, IssuingBody = issuingBody, From = from, To = to, Status = status, Unit = unit,
            Urgency = urgency, Page = Math.Max(page ?? 1, 1), PageSize = pageSize ?? 20,
        };
        var results = await search.SearchAsync(query, SearchScope.For(DocumentAccess.For(user)), cancellationToken);
        return TypedResults.Ok(SearchResponse.From(results, query));
    }

    /// <summary>Re-indexes every document from the database, streaming one progress line at a time.</summary>
    private static IResult Rebuild(SearchIndexRebuild rebuild, CancellationToken cancellationToken) =>
        TypedResults.Stream(async body =>
        {
            await using var writer = new StreamWriter(body, leaveOpen: true);
            await rebuild.RunAsync(async line => { await writer.WriteLineAsync(line); await writer.FlushAsync(cancellationToken); }, cancellationToken);
        }, "text/plain; charset=utf-8");
}

/// <summary>One page of search results as the API shows it.</summary>
public sealed record SearchResponse(long Total, int Page, int PageSize, IReadOnlyList<SearchHitView> Hits, IReadOnlyDictionary<string, IReadOnlyList<FacetView>> Facets)
{
    public static SearchResponse From(SearchResults results, SearchQuery query) =>
        new(results.Total, query.Page, query.Size, results.Hits.Select(SearchHitView.From).ToArray(),
            results.Facets.ToDictionary(f => f.Key, f => (IReadOnlyList<FacetView>)[.. f.Value.Select(c => FacetView.Of(f.Key, c))]));
}

/// <summary>One facet value with its count and the Vietnamese name a screen shows for it (codes stay in Value for filtering).</summary>
public sealed record FacetView(string Value, long Count, string Label)
{
    public static FacetView Of(string facet, FacetCount count) => new(count.Value, count.Count, DocumentStatusNames.FacetLabel(facet, count.Value));
}

/// <summary>A search hit: the document's register fields, its subject with the matched words in &lt;em&gt;, and snippets of its body text marked the same way.</summary>
public sealed record SearchHitView(
    Guid Id, string Direction, string NumberAndCode, string DocumentType, string Subject, string IssuingBody, DateOnly DocumentDate,
    string Status, Urgency Urgency, Secrecy Secrecy, string Highlight, IReadOnlyList<string> Snippets, double Score, string StatusLabel)
{
    public static SearchHitView From(SearchHit hit) => new(
        hit.Document.Id, hit.Document.Direction, hit.Document.NumberAndCode, hit.Document.DocumentType, hit.Document.Subject,
        hit.Document.IssuingBody, hit.Document.DocumentDate, hit.Document.Status, hit.Document.Urgency, hit.Document.Secrecy,
        hit.Highlight, hit.Snippets, hit.Score, DocumentStatusNames.Of(hit.Document.Status));
}
