using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.ServiceDefaults.Storage;

namespace Platform.Documents.Search.Elasticsearch;

/// <summary>
/// The request bodies the adapter sends, as Elasticsearch 8 documents them: the index
/// template, the _bulk NDJSON and the search. Built as JSON nodes so tests can read them.
/// </summary>
public static class ElasticsearchRequests
{
    /// <summary>Text fields: the exact analyzer keeps diacritics, `.folded` drops them; exact is weighed higher.</summary>
    private static readonly (string? Exact, string Folded)[] TextFields =
        [("subject", "subject.folded"), ("issuing_body.text", "issuing_body.folded"), ("document_type.text", "document_type.folded"), (null, "body")];

    private static JsonObject VietnameseTextField() => new()
    {
        ["type"] = "text",
        ["analyzer"] = "vi_exact",
        ["fields"] = new JsonObject { ["folded"] = new JsonObject { ["type"] = "text", ["analyzer"] = "vi_folded" } },
    };

    private static JsonObject KeywordWithText() => new()
    {
        ["type"] = "keyword",
        ["fields"] = new JsonObject
        {
            ["text"] = new JsonObject { ["type"] = "text", ["analyzer"] = "vi_exact" },
            ["folded"] = new JsonObject { ["type"] = "text", ["analyzer"] = "vi_folded" },
        },
    };

    private static JsonObject Keyword() => new() { ["type"] = "keyword" };

    public static JsonObject IndexTemplate(string index) => new()
    {
        ["index_patterns"] = new JsonArray(index),
        ["priority"] = 200,
        ["template"] = new JsonObject
        {
            ["settings"] = new JsonObject
            {
                ["analysis"] = new JsonObject
                {
                    ["analyzer"] = new JsonObject
                    {
                        ["vi_exact"] = new JsonObject { ["type"] = "custom", ["tokenizer"] = "standard", ["filter"] = new JsonArray("lowercase") },
                        ["vi_folded"] = new JsonObject { ["type"] = "custom", ["tokenizer"] = "standard", ["filter"] = new JsonArray("lowercase", "vi_folding") },
                    },
                    // asciifolding maps every precomposed Vietnamese letter and đ/Đ to its base letter.
                    ["filter"] = new JsonObject { ["vi_folding"] = new JsonObject { ["type"] = "asciifolding", ["preserve_original"] = false } },
                    ["normalizer"] = new JsonObject
                    {
                        ["code"] = new JsonObject { ["type"] = "custom", ["filter"] = new JsonArray("uppercase") },
                        ["code_folded"] = new JsonObject { ["type"] = "custom", ["filter"] = new JsonArray("uppercase", "asciifolding") },
                    },
                },
            },
            ["mappings"] = new JsonObject
            {
                ["dynamic"] = "strict",
                ["properties"] = new JsonObject
                {
                    ["id"] = Keyword(),
                    ["direction"] = Keyword(),
                    ["number_and_code"] = new JsonObject
                    {
                        ["type"] = "keyword",
                        ["normalizer"] = "code",
                        ["fields"] = new JsonObject { ["folded"] = new JsonObject { ["type"] = "keyword", ["normalizer"] = "code_folded" } },
                    },
                    ["document_type"] = KeywordWithText(),
                    ["subject"] = VietnameseTextField(),
                    ["issuing_body"] = KeywordWithText(),
                    ["document_date"] = new JsonObject { ["type"] = "date", ["format"] = "yyyy-MM-dd" },
                    ["status"] = Keyword(),
                    ["urgency"] = Keyword(),
                    ["secrecy"] = new JsonObject { ["type"] = "integer" },
                    ["is_public"] = new JsonObject { ["type"] = "boolean" },
                    ["units"] = Keyword(),
                    // The long body is folded only, as in the embedded engine: recall, not spelling rank.
                    ["body"] = new JsonObject { ["type"] = "text", ["analyzer"] = "vi_folded" },
                    ["registered_at"] = new JsonObject { ["type"] = "date" },
                },
            },
        },
    };

    /// <summary>One `index` action per document: an upsert by id.</summary>
    public static string Bulk(string index, IEnumerable<SearchDocument> documents)
    {
        var ndjson = new StringBuilder();
        foreach (var document in documents)
        {
            var action = new JsonObject { ["index"] = new JsonObject { ["_index"] = index, ["_id"] = document.Id.ToString() } };
            ndjson.Append(action.ToJsonString()).Append('\n');
            ndjson.Append(JsonSerializer.Serialize(ElasticsearchSource.From(document), ElasticsearchSource.Json)).Append('\n');
        }
        return ndjson.ToString();
    }

    public static JsonObject Search(SearchQuery query, SearchScope scope)
    {
        var text = QueryText.Parse(query.Text);
        var aggregations = new JsonObject();
        foreach (var (facet, field) in FacetFields) aggregations[facet] = new JsonObject { ["terms"] = new JsonObject { ["field"] = field, ["size"] = 20 } };
        return new JsonObject
        {
            ["from"] = query.Skip,
            ["size"] = query.Size,
            ["track_total_hits"] = true,
            ["query"] = new JsonObject { ["bool"] = new JsonObject { ["must"] = Match(text), ["filter"] = Filters(query, scope) } },
            ["highlight"] = new JsonObject
            {
                ["pre_tags"] = new JsonArray("<em>"),
                ["post_tags"] = new JsonArray("</em>"),
                ["encoder"] = "html",
                ["fields"] = new JsonObject
                {
                    ["subject"] = new JsonObject { ["number_of_fragments"] = 0 },
                    ["subject.folded"] = new JsonObject { ["number_of_fragments"] = 0 },
                    ["body"] = new JsonObject { ["number_of_fragments"] = Highlighter.SnippetCount, ["fragment_size"] = 160 },
                },
            },
            ["aggs"] = aggregations,
        };
    }

    internal static readonly (string Facet, string Field)[] FacetFields =
        [(Facets.Type, "document_type"), (Facets.IssuingBody, "issuing_body"), (Facets.Status, "status"), (Facets.Urgency, "urgency")];

    private static JsonArray Match(QueryText text)
    {
        if (text.Code is { } code)
        {
            return new JsonArray(new JsonObject
            {
                ["bool"] = new JsonObject
                {
                    ["should"] = new JsonArray(
                        Term("number_and_code", code, LuceneBoost),
                        Term("number_and_code.folded", Platform.Documents.Search.VietnameseText.Fold(code))),
                    ["minimum_should_match"] = 1,
                },
            });
        }
        if (text.Clauses.Count == 0) return new JsonArray(new JsonObject { ["match_all"] = new JsonObject() });
        var clauses = new JsonArray();
        foreach (var clause in text.Clauses)
        {
            var fields = new JsonArray();
            foreach (var (exact, folded) in TextFields)
            {
                if (exact is not null) fields.Add($"{exact}^{LuceneBoost.ToString(CultureInfo.InvariantCulture)}");
                fields.Add(folded);
            }
            clauses.Add(new JsonObject
            {
                ["multi_match"] = new JsonObject
                {
                    ["query"] = string.Join(' ', clause.Words),
                    ["type"] = clause.IsPhrase ? "phrase" : "most_fields",
                    ["fields"] = fields,
                },
            });
        }
        return clauses;
    }

    private const float LuceneBoost = Lucene.LuceneDocumentSearch.ExactBoost;

    private static JsonArray Filters(SearchQuery query, SearchScope scope)
    {
        // Security trimming: the same rule as DocumentAccess, as filters (no effect on score).
        var filters = new JsonArray(new JsonObject
        {
            ["range"] = new JsonObject { ["secrecy"] = new JsonObject { ["lte"] = scope.PublicOnly ? 0 : (int)scope.Clearance } },
        });
        if (scope.PublicOnly)
        {
            filters.Add(Term("is_public", true));
            filters.Add(Term("status", SearchStatuses.Issued));
        }
        else if (!scope.SeesAllUnits)
        {
            filters.Add(Term("units", scope.UnitOrNone));
        }
        void Keyword(string field, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value)) filters.Add(Term(field, value.Nfc()));
        }
        Keyword("document_type", query.DocumentType);
        Keyword("issuing_body", query.IssuingBody);
        Keyword("status", query.Status);
        Keyword("urgency", query.Urgency?.ToString());
        Keyword("units", query.Unit);
        if (query.From is not null || query.To is not null)
        {
            var range = new JsonObject();
            if (query.From is { } from) range["gte"] = from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            if (query.To is { } to) range["lte"] = to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            filters.Add(new JsonObject { ["range"] = new JsonObject { ["document_date"] = range } });
        }
        return filters;
    }

    private static JsonObject Term(string field, JsonNode value, float? boost = null)
    {
        var term = new JsonObject { ["value"] = value };
        if (boost is { } b) term["boost"] = b;
        return new JsonObject { ["term"] = new JsonObject { [field] = term } };
    }
}
