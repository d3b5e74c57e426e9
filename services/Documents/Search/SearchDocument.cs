using Platform.Contracts;

namespace Platform.Documents.Search;

/// <summary>
/// What the search index holds of one document (văn bản): the text people search, the fields
/// they filter and facet on, and the fields security trimming needs (secrecy and the units
/// involved), so trimming happens inside the query and never after paging.
/// </summary>
public sealed record SearchDocument
{
    public required Guid Id { get; init; }
    /// <summary>"incoming" (văn bản đến) or "outgoing" (văn bản đi).</summary>
    public required string Direction { get; init; }
    public required string NumberAndCode { get; init; }
    public required string DocumentType { get; init; }
    public required string Subject { get; init; }
    public required string IssuingBody { get; init; }
    public DateOnly DocumentDate { get; init; }
    public required string Status { get; init; }
    public Urgency Urgency { get; init; }
    public Secrecy Secrecy { get; init; }
    /// <summary>Published on the portal; only such documents reach public search.</summary>
    public bool IsPublic { get; init; }
    /// <summary>Registering, lead and supporting units: a reader of one of them may see the document.</summary>
    public IReadOnlyList<string> Units { get; init; } = [];
    /// <summary>Further text (direction, extracted attachment text), searched but not shown.</summary>
    public string? Body { get; init; }
    public DateTimeOffset RegisteredAt { get; init; }
}

/// <summary>Statuses the search understands beyond the incoming flow's own.</summary>
public static class SearchStatuses
{
    public const string Issued = "Issued";
    public const string Recalled = "Recalled";
}
