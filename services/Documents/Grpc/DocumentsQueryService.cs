using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts.Grpc.Documents;
using Platform.Documents.Domain;
using Platform.Documents.Persistence;
using Platform.Documents.Search;
using Platform.ServiceDefaults.Auth;

namespace Platform.Documents.Grpc;

/// <summary>
/// The documents.proto query service for other services. GetDocument is trimmed by the
/// caller's token exactly as the REST reads are; public search sees only issued, public,
/// non-secret documents whoever asks, and returns them with the marked subject and body
/// snippets the REST search gives.
/// </summary>
public sealed class DocumentsQueryService(DocumentsDbContext db, IDocumentSearch search) : DocumentsQuery.DocumentsQueryBase
{
    public override async Task<DocumentSummary> GetDocument(GetDocumentRequest request, ServerCallContext context)
    {
        if (!Guid.TryParse(request.DocumentId, out var id)) throw new RpcException(new Status(StatusCode.InvalidArgument, "document_id không hợp lệ."));
        var access = DocumentAccess.For(context.GetHttpContext().User);
        var incoming = await db.IncomingDocuments.AsNoTracking().Where(access.Filter())
            .FirstOrDefaultAsync(d => d.Id == id, context.CancellationToken);
        if (incoming is not null) return Summary(SearchDocuments.From(incoming));
        // Documents this database does not hold (outgoing ones known from events) are read from
        // the index, under the same rule. A secret one answers NotFound, like a missing one.
        var indexed = await search.GetAsync(id, context.CancellationToken);
        if (indexed is null || indexed.Direction == "incoming" || !SearchScope.For(access).Allows(indexed))
        {
            throw new RpcException(new Status(StatusCode.NotFound, "Không tìm thấy văn bản."));
        }
        return Summary(indexed);
    }

    public override async Task<SearchPublicDocumentsResponse> SearchPublicDocuments(SearchPublicDocumentsRequest request, ServerCallContext context)
    {
        // The REST search's limit: a longer text is no search box's and would only make a huge query.
        if (request.Query.Length > 500) throw new RpcException(new Status(StatusCode.InvalidArgument, "Từ khóa tối đa 500 ký tự."));
        var query = new SearchQuery { Text = request.Query, Page = Math.Max(request.Page, 1), PageSize = request.PageSize <= 0 ? 20 : request.PageSize };
        var results = await search.SearchAsync(query, SearchScope.Public, context.CancellationToken);
        var response = new SearchPublicDocumentsResponse { Total = (int)Math.Min(results.Total, int.MaxValue) };
        // Defence in depth: the index filter already excludes them; a bug there must not leak
        // them, nor their text through a highlight or snippet.
        response.Documents.AddRange(results.Hits.Where(h => SearchScope.Public.Allows(h.Document)).Select(Found));
        return response;
    }

    private static DocumentSummary Found(SearchHit hit)
    {
        var summary = Summary(hit.Document);
        summary.SubjectHighlight = hit.Highlight;
        summary.BodySnippets.AddRange(hit.Snippets);
        return summary;
    }

    private static DocumentSummary Summary(SearchDocument d) => new()
    {
        DocumentId = d.Id.ToString(),
        Direction = d.Direction,
        NumberAndCode = d.NumberAndCode,
        DocumentType = d.DocumentType,
        Subject = d.Subject,
        IssuingBody = d.IssuingBody,
        DocumentDate = d.DocumentDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        Urgency = d.Urgency.ToString(),
        Secrecy = d.Secrecy.ToString(),
        Status = d.Status,
        RegisteredAt = Timestamp.FromDateTimeOffset(d.RegisteredAt),
    };
}

public static class DocumentsGrpcRegistration
{
    public static void MapDocumentsGrpc(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGrpcService<DocumentsQueryService>().RequireAuthorization(Policies.DocumentsAccess);
}
