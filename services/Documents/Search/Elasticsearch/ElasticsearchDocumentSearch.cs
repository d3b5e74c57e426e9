using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace Platform.Documents.Search.Elasticsearch;

/// <summary>
/// Search on an Elasticsearch cluster over its REST API (no client package is served here).
/// Writes use `refresh=wait_for`, so like the embedded engine a document is searchable when
/// IndexAsync returns (at most one refresh interval, 1 s by default).
/// </summary>
public sealed class ElasticsearchDocumentSearch(HttpClient http, IOptions<SearchOptions> options) : IDocumentSearch
{
    private readonly string _index = options.Value.Elasticsearch.Index;

    /// <summary>Puts the index template (analyzers and mappings) and creates the index when missing.</summary>
    public async Task EnsureIndexAsync(CancellationToken cancellationToken)
    {
        using var template = await http.PutAsync($"_index_template/{_index}-template", Json(ElasticsearchRequests.IndexTemplate(_index)), cancellationToken);
        await EnsureSuccessAsync(template, cancellationToken);
        using var head = await http.SendAsync(new HttpRequestMessage(HttpMethod.Head, _index), cancellationToken);
        if (head.StatusCode != HttpStatusCode.NotFound) return;
        using var create = await http.PutAsync(_index, Json(new JsonObject()), cancellationToken);
        // Another replica may have created it in between.
        if (create.StatusCode == HttpStatusCode.BadRequest && (await create.Content.ReadAsStringAsync(cancellationToken)).Contains("resource_already_exists_exception")) return;
        await EnsureSuccessAsync(create, cancellationToken);
    }

    public async Task IndexAsync(IReadOnlyCollection<SearchDocument> documents, CancellationToken cancellationToken)
    {
        if (documents.Count == 0) return;
        var body = new StringContent(ElasticsearchRequests.Bulk(_index, documents), Encoding.UTF8, "application/x-ndjson");
        using var response = await http.PostAsync("_bulk?refresh=wait_for", body, cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
        var result = await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken);
        if (result?["errors"]?.GetValue<bool>() == true)
        {
            var failures = result["items"]!.AsArray()
                .Select(item => item!["index"])
                .Where(item => item?["error"] is not null)
                .Select(item => $"{item!["_id"]}: {item["error"]!["type"]} {item["error"]!["reason"]}");
            throw new SearchEngineException($"Elasticsearch refused some documents: {string.Join("; ", failures)}");
        }
    }

    public async Task DeleteAsync(Guid id, CancellationToken cancellationToken)
    {
        using var response = await http.DeleteAsync($"{_index}/_doc/{id}?refresh=wait_for", cancellationToken);
        if (response.StatusCode != HttpStatusCode.NotFound) await EnsureSuccessAsync(response, cancellationToken);
    }

    public async Task<SearchDocument?> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync($"{_index}/_doc/{id}", cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound) return null;
        await EnsureSuccessAsync(response, cancellationToken);
        var result = await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken);
        return result?["found"]?.GetValue<bool>() == true ? Source(result["_source"]!) : null;
    }

    public async Task ClearAsync(CancellationToken cancellationToken)
    {
        var body = Json(new JsonObject { ["query"] = new JsonObject { ["match_all"] = new JsonObject() } });
        using var response = await http.PostAsync($"{_index}/_delete_by_query?refresh=true", body, cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
    }

    public async Task<SearchResults> SearchAsync(SearchQuery query, SearchScope scope, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsync($"{_index}/_search", Json(ElasticsearchRequests.Search(query, scope)), cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
        var result = await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken)
            ?? throw new SearchEngineException("Elasticsearch answered an empty search response.");
        return ParseSearch(result, QueryText.Parse(query.Text));
    }

    /// <summary>Reads a search response as Elasticsearch documents it (hits.total.value, _source, highlight, aggregations.*.buckets).</summary>
    public static SearchResults ParseSearch(JsonObject result, QueryText text)
    {
        var hits = result["hits"]!;
        var total = hits["total"] is JsonObject totalObject ? totalObject["value"]!.GetValue<long>() : hits["total"]?.GetValue<long>() ?? 0;
        var found = hits["hits"]!.AsArray().Select(hit =>
        {
            var document = Source(hit!["_source"]!);
            var highlight = hit["highlight"]?["subject"]?[0]?.GetValue<string>()
                ?? hit["highlight"]?["subject.folded"]?[0]?.GetValue<string>()
                ?? Highlighter.Highlight(document.Subject, text);
            var snippets = hit["highlight"]?["body"]?.AsArray().Select(s => s!.GetValue<string>()).ToArray()
                ?? Highlighter.Snippets(document.Body, text);
            return new SearchHit(document, hit["_score"]?.GetValue<double>() ?? 0, highlight, snippets);
        }).ToArray();
        var facets = new Dictionary<string, IReadOnlyList<FacetCount>>();
        foreach (var (facet, _) in ElasticsearchRequests.FacetFields)
        {
            var buckets = result["aggregations"]?[facet]?["buckets"]?.AsArray() ?? [];
            facets[facet] = buckets.Select(b => new FacetCount(b!["key"]!.ToString(), b["doc_count"]!.GetValue<long>())).ToArray();
        }
        return new SearchResults(total, found, facets);
    }

    private static SearchDocument Source(JsonNode source) =>
        source.Deserialize<ElasticsearchSource>(ElasticsearchSource.Json)!.ToDocument();

    // Vietnamese text goes as UTF-8, not \u escapes: the same for Elasticsearch, readable in its logs.
    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static StringContent Json(JsonNode body) => new(body.ToJsonString(Relaxed), Encoding.UTF8, "application/json");

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode) return;
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        throw new SearchEngineException($"Elasticsearch answered {(int)response.StatusCode} to {response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.PathAndQuery}: {body[..Math.Min(body.Length, 500)]}");
    }
}

/// <summary>The search engine failed or refused; the event that caused the call is retried.</summary>
public sealed class SearchEngineException(string message) : Exception(message);
