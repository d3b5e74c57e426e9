using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Platform.Contracts;
using Platform.Documents.Search;
using Platform.Documents.Search.Elasticsearch;
using static Platform.Documents.Tests.Search.SearchSamples;

namespace Platform.Documents.Tests.Search;

/// <summary>
/// The Elasticsearch adapter against the protocol only (no cluster runs here): the requests it
/// builds, and response bodies shaped as Elasticsearch 8 documents them.
/// </summary>
public sealed class ElasticsearchAdapterTests
{
    private sealed class FakeElasticsearch : HttpMessageHandler
    {
        public List<(HttpMethod Method, string PathAndQuery, string? Body, string? ContentType)> Requests { get; } = [];
        public Func<HttpRequestMessage, HttpResponseMessage> Answer { get; set; } = _ => Json("{}");

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
            Requests.Add((request.Method, request.RequestUri!.PathAndQuery, body, request.Content?.Headers.ContentType?.MediaType));
            var response = Answer(request);
            response.RequestMessage = request;
            return response;
        }
    }

    private static string Compact(JsonNode node) => node.ToJsonString(new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    private static HttpResponseMessage Json(string body, HttpStatusCode status = HttpStatusCode.OK) =>
        new(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };

    private static (ElasticsearchDocumentSearch Search, FakeElasticsearch Server) Adapter()
    {
        var server = new FakeElasticsearch();
        var http = new HttpClient(server) { BaseAddress = new Uri("http://es.test:9200/") };
        return (new ElasticsearchDocumentSearch(http, Options.Create(new SearchOptions())), server);
    }

    [Test]
    public void The_index_template_has_a_folding_analyzer_and_an_exact_field_that_keeps_diacritics()
    {
        var template = ElasticsearchRequests.IndexTemplate("documents");
        var analysis = template["template"]!["settings"]!["analysis"]!;
        Assert.That(analysis["analyzer"]!["vi_folded"]!["filter"]!.AsArray().Select(f => f!.ToString()), Is.EqualTo(new[] { "lowercase", "vi_folding" }));
        Assert.That(analysis["filter"]!["vi_folding"]!["type"]!.ToString(), Is.EqualTo("asciifolding"));
        Assert.That(analysis["analyzer"]!["vi_exact"]!["filter"]!.AsArray().Select(f => f!.ToString()), Is.EqualTo(new[] { "lowercase" }));
        var subject = template["template"]!["mappings"]!["properties"]!["subject"]!;
        Assert.That(subject["analyzer"]!.ToString(), Is.EqualTo("vi_exact"));
        Assert.That(subject["fields"]!["folded"]!["analyzer"]!.ToString(), Is.EqualTo("vi_folded"));
        Assert.That(template["template"]!["mappings"]!["properties"]!["number_and_code"]!["type"]!.ToString(), Is.EqualTo("keyword"));
    }

    [Test]
    public async Task Setup_puts_the_template_then_creates_a_missing_index()
    {
        var (search, server) = Adapter();
        server.Answer = r => r.Method == HttpMethod.Head ? new HttpResponseMessage(HttpStatusCode.NotFound) : Json("{\"acknowledged\":true}");
        await search.EnsureIndexAsync(CancellationToken.None);
        Assert.That(server.Requests.Select(r => $"{r.Method} {r.PathAndQuery}"),
            Is.EqualTo(new[] { "PUT /_index_template/documents-template", "HEAD /documents", "PUT /documents" }));
        Assert.That(JsonNode.Parse(server.Requests[0].Body!)!["index_patterns"]![0]!.ToString(), Is.EqualTo("documents"));
    }

    [Test]
    public async Task Indexing_sends_one_bulk_upsert_per_document_as_ndjson_in_nfc()
    {
        var (search, server) = Adapter();
        server.Answer = _ => Json("{\"took\":3,\"errors\":false,\"items\":[{\"index\":{\"_id\":\"x\",\"status\":201}}]}");
        var document = Document("Kế hoạch năm".Normalize(NormalizationForm.FormD), code: "12/KH-UBND", units: ["VP", "STC"]);
        await search.IndexAsync([document, Document("Thông báo")], CancellationToken.None);

        var request = server.Requests.Single();
        Assert.That($"{request.Method} {request.PathAndQuery}", Is.EqualTo("POST /_bulk?refresh=wait_for"));
        Assert.That(request.ContentType, Is.EqualTo("application/x-ndjson"));
        var lines = request.Body!.Split('\n');
        Assert.That(lines, Has.Length.EqualTo(5), "action and source per document, and a final newline");
        Assert.That(lines[4], Is.Empty);
        Assert.That(JsonNode.Parse(lines[0])!["index"]!["_id"]!.ToString(), Is.EqualTo(document.Id.ToString()));
        var source = JsonNode.Parse(lines[1])!;
        Assert.That(source["subject"]!.ToString(), Is.EqualTo("Kế hoạch năm".Normalize(NormalizationForm.FormC)));
        Assert.That(source["number_and_code"]!.ToString(), Is.EqualTo("12/KH-UBND"));
        Assert.That(source["units"]!.AsArray().Select(u => u!.ToString()), Is.EqualTo(new[] { "VP", "STC" }));
        Assert.That(source["secrecy"]!.GetValue<int>(), Is.Zero);
        Assert.That(source["document_date"]!.ToString(), Is.EqualTo("2026-11-20"));
    }

    [Test]
    public void A_bulk_answer_with_item_errors_fails_so_the_event_is_retried()
    {
        var (search, server) = Adapter();
        server.Answer = _ => Json("""
            {"took":3,"errors":true,"items":[{"index":{"_index":"documents","_id":"a","status":400,
             "error":{"type":"mapper_parsing_exception","reason":"failed to parse field [document_date]"}}}]}
            """);
        var error = Assert.ThrowsAsync<SearchEngineException>(() => search.IndexAsync([Document("x")], CancellationToken.None));
        Assert.That(error!.Message, Does.Contain("mapper_parsing_exception"));
    }

    [Test]
    public void The_query_asks_exact_and_folded_fields_with_filters_trimming_highlight_and_aggregations()
    {
        var query = new SearchQuery
        {
            Text = "\"kế hoạch\" bão", DocumentType = "Kế hoạch", From = new(2026, 1, 1), To = new(2026, 12, 31),
            Urgency = Urgency.Urgent, Page = 3, PageSize = 10,
        };
        var body = ElasticsearchRequests.Search(query, new SearchScope(Secrecy.Confidential, "KT", SeesAllUnits: false));
        Assert.That(body["from"]!.GetValue<int>(), Is.EqualTo(20));
        Assert.That(body["size"]!.GetValue<int>(), Is.EqualTo(10));
        var must = body["query"]!["bool"]!["must"]!.AsArray();
        Assert.That(must[0]!["multi_match"]!["type"]!.ToString(), Is.EqualTo("phrase"));
        Assert.That(must[0]!["multi_match"]!["query"]!.ToString(), Is.EqualTo("kế hoạch"));
        Assert.That(must[1]!["multi_match"]!["fields"]!.AsArray().Select(f => f!.ToString()), Does.Contain("subject^4").And.Contain("subject.folded"));
        var filters = body["query"]!["bool"]!["filter"]!.ToJsonString();
        Assert.That(filters, Does.Contain("{\"range\":{\"secrecy\":{\"lte\":1}}}"));
        Assert.That(filters, Does.Contain("{\"term\":{\"units\":{\"value\":\"KT\"}}}"));
        Assert.That(filters, Does.Contain("{\"term\":{\"urgency\":{\"value\":\"Urgent\"}}}"));
        Assert.That(filters, Does.Contain("{\"range\":{\"document_date\":{\"gte\":\"2026-01-01\",\"lte\":\"2026-12-31\"}}}"));
        Assert.That(body["highlight"]!["fields"]!.AsObject().Select(f => f.Key), Is.EqualTo(new[] { "subject", "subject.folded", "body" }));
        Assert.That(body["aggs"]!.AsObject().Select(a => a.Key), Is.EquivalentTo(Facets.All));
    }

    [Test]
    public void Public_search_filters_to_issued_public_non_secret_documents_and_a_code_is_a_keyword_lookup()
    {
        var body = ElasticsearchRequests.Search(new SearchQuery { Text = "123/qđ-ubnd" }, SearchScope.Public);
        var filters = body["query"]!["bool"]!["filter"]!.ToJsonString();
        Assert.That(filters, Does.Contain("{\"range\":{\"secrecy\":{\"lte\":0}}}"));
        Assert.That(filters, Does.Contain("{\"term\":{\"is_public\":{\"value\":true}}}"));
        Assert.That(filters, Does.Contain("{\"term\":{\"status\":{\"value\":\"Issued\"}}}"));
        var should = Compact(body["query"]!["bool"]!["must"]![0]!["bool"]!["should"]!);
        Assert.That(should, Does.Contain("{\"term\":{\"number_and_code\":{\"value\":\"123/QĐ-UBND\",\"boost\":4}}}"));
        Assert.That(should, Does.Contain("{\"term\":{\"number_and_code.folded\":{\"value\":\"123/QD-UBND\"}}}"));
    }

    [Test]
    public async Task A_search_response_is_read_into_hits_highlights_and_facets()
    {
        var (search, server) = Adapter();
        var id = Guid.NewGuid();
        server.Answer = _ => Json("""
            {"took":4,"timed_out":false,"_shards":{"total":1,"successful":1,"skipped":0,"failed":0},
             "hits":{"total":{"value":42,"relation":"eq"},"max_score":7.5,"hits":[
               {"_index":"documents","_id":"DOCUMENT-ID","_score":7.5,
                "_source":{"id":"DOCUMENT-ID","direction":"incoming","number_and_code":"05/QĐ-UBND","document_type":"Quyết định",
                  "subject":"Quyết định về phòng chống bão","issuing_body":"UBND tỉnh","document_date":"2026-11-20","status":"Registered",
                  "urgency":"Flash","secrecy":0,"is_public":false,"units":["VP"],"body":null,"registered_at":"2026-11-20T03:00:00+00:00"},
                "highlight":{"subject":["Quyết định về phòng chống <em>bão</em>"],"body":["ứng phó cơn <em>bão</em> số 3"]}}]},
             "aggregations":{
               "type":{"doc_count_error_upper_bound":0,"sum_other_doc_count":0,"buckets":[{"key":"Quyết định","doc_count":30},{"key":"Công văn","doc_count":12}]},
               "issuingBody":{"doc_count_error_upper_bound":0,"sum_other_doc_count":0,"buckets":[{"key":"UBND tỉnh","doc_count":42}]},
               "status":{"doc_count_error_upper_bound":0,"sum_other_doc_count":0,"buckets":[]},
               "urgency":{"doc_count_error_upper_bound":0,"sum_other_doc_count":0,"buckets":[{"key":"Flash","doc_count":1}]}}}
            """.Replace("DOCUMENT-ID", id.ToString()));
        var results = await search.SearchAsync(new SearchQuery { Text = "bão" }, Everyone, CancellationToken.None);
        Assert.That(server.Requests.Single().PathAndQuery, Is.EqualTo("/documents/_search"));
        Assert.That(results.Total, Is.EqualTo(42));
        var hit = results.Hits.Single();
        Assert.That(hit.Document.Id, Is.EqualTo(id));
        Assert.That(hit.Document.Urgency, Is.EqualTo(Urgency.Flash));
        Assert.That(hit.Document.NumberAndCode, Is.EqualTo("05/QĐ-UBND"));
        Assert.That(hit.Highlight, Is.EqualTo("Quyết định về phòng chống <em>bão</em>"));
        Assert.That(hit.Snippets, Is.EqualTo(new[] { "ứng phó cơn <em>bão</em> số 3" }));
        Assert.That(hit.Score, Is.EqualTo(7.5));
        Assert.That(results.Facets[Facets.Type], Is.EqualTo(new[] { new FacetCount("Quyết định", 30), new FacetCount("Công văn", 12) }));
        Assert.That(results.Facets[Facets.Status], Is.Empty);
    }

    [Test]
    public async Task Get_reads_the_source_and_a_missing_document_is_null()
    {
        var (search, server) = Adapter();
        server.Answer = _ => Json("{\"_index\":\"documents\",\"_id\":\"x\",\"found\":false}", HttpStatusCode.NotFound);
        Assert.That(await search.GetAsync(Guid.NewGuid(), CancellationToken.None), Is.Null);
        server.Answer = _ => Json("{\"error\":{\"type\":\"security_exception\"},\"status\":401}", HttpStatusCode.Unauthorized);
        var error = Assert.ThrowsAsync<SearchEngineException>(() => search.SearchAsync(new SearchQuery(), Everyone, CancellationToken.None));
        Assert.That(error!.Message, Does.Contain("401").And.Contain("security_exception"));
    }

    [Test]
    public void Credentials_become_an_api_key_or_basic_header()
    {
        Assert.That(SearchRegistration.Authorization(new ElasticsearchOptions { ApiKey = "abc" })?.ToString(), Is.EqualTo("ApiKey abc"));
        Assert.That(SearchRegistration.Authorization(new ElasticsearchOptions { Username = "elastic", Password = "pw" })?.ToString(),
            Is.EqualTo("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("elastic:pw"))));
        Assert.That(SearchRegistration.Authorization(new ElasticsearchOptions())?.ToString(), Is.Null);
    }
}
