namespace Platform.Documents.Search;

/// <summary>The `Search` configuration section.</summary>
public sealed class SearchOptions
{
    public const string Section = "Search";

    /// <summary>`lucene` (embedded, the default) or `elasticsearch`.</summary>
    public string Engine { get; set; } = "lucene";

    /// <summary>The issuing body written on outgoing documents, which their event does not carry.</summary>
    public string OwnIssuingBody { get; set; } = "UBND tỉnh";

    public ElasticsearchOptions Elasticsearch { get; set; } = new();
}

/// <summary>`Search:Elasticsearch`: where the cluster is and how to sign in (an API key, or user and password).</summary>
public sealed class ElasticsearchOptions
{
    public string Url { get; set; } = "http://127.0.0.1:9200";
    public string Index { get; set; } = "documents";
    public string? ApiKey { get; set; }
    public string? Username { get; set; }
    public string? Password { get; set; }
}
