using Platform.Contracts;

namespace Platform.Documents.Search;

/// <summary>What a person asks: words, phrases in quotes or a number and code, plus filters and a page.</summary>
public sealed record SearchQuery
{
    public string? Text { get; init; }
    public string? DocumentType { get; init; }
    public string? IssuingBody { get; init; }
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
    public string? Status { get; init; }
    /// <summary>Documents a unit registered, leads or supports (a filter, not a permission).</summary>
    public string? Unit { get; init; }
    public Urgency? Urgency { get; init; }
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = 20;

    public int Skip => (Math.Max(Page, 1) - 1) * Size;
    public int Size => Math.Clamp(PageSize, 1, 100);
}

/// <summary>
/// Who is asking, as the index sees it: the same rule as <see cref="Domain.DocumentAccess"/>
/// (never above the clearance; only the caller's unit unless they see every unit), or the
/// public, who see only issued, public, non-secret documents.
/// </summary>
public sealed record SearchScope(Secrecy Clearance, string? Unit, bool SeesAllUnits, bool PublicOnly = false)
{
    public static readonly SearchScope Public = new(Secrecy.None, null, SeesAllUnits: true, PublicOnly: true);

    public static SearchScope For(Domain.DocumentAccess access) => new(access.Clearance, access.Unit, access.SeesAllUnits);

    /// <summary>The same rule the index applies, for a single document read outside a query.</summary>
    public bool Allows(SearchDocument document) => PublicOnly
        ? document.IsPublic && document.Status == SearchStatuses.Issued && document.Secrecy == Secrecy.None
        : document.Secrecy <= Clearance && (SeesAllUnits || document.Units.Contains(UnitOrNone));

    /// <summary>A unit code nobody has, so a caller without a unit matches no unit.</summary>
    public string UnitOrNone => string.IsNullOrEmpty(Unit) ? "\u0000" : Unit;
}

/// <summary>One page of results, with facet counts over every match the caller may see.</summary>
public sealed record SearchResults(long Total, IReadOnlyList<SearchHit> Hits, IReadOnlyDictionary<string, IReadOnlyList<FacetCount>> Facets);

/// <summary>A match: the document, its score, its subject with the matched words marked, and marked snippets of its body text.</summary>
public sealed record SearchHit(SearchDocument Document, double Score, string Highlight, IReadOnlyList<string> Snippets);

public sealed record FacetCount(string Value, long Count);

/// <summary>Facet names shared by both engines and the API.</summary>
public static class Facets
{
    public const string Type = "type";
    public const string IssuingBody = "issuingBody";
    public const string Status = "status";
    public const string Urgency = "urgency";
    public static readonly string[] All = [Type, IssuingBody, Status, Urgency];
}
