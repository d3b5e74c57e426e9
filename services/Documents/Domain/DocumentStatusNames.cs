using Platform.Contracts;

namespace Platform.Documents.Domain;

/// <summary>
/// The Vietnamese name (tên trạng thái) of a status code as the search index and its facets carry it:
/// incoming and outgoing statuses share one field there, and their codes do not overlap.
/// </summary>
public static class DocumentStatusNames
{
    public static string Of(string code) =>
        Enum.TryParse<IncomingStatus>(code, out var incoming) && Enum.IsDefined(incoming) && incoming.ToString() == code ? incoming.Label()
        : Enum.TryParse<OutgoingStatus>(code, out var outgoing) && Enum.IsDefined(outgoing) && outgoing.ToString() == code ? outgoing.Label()
        : code;

    /// <summary>A facet value as people read it: statuses and urgencies by name, the rest (types, issuing bodies) as written.</summary>
    public static string FacetLabel(string facet, string value) => facet switch
    {
        Search.Facets.Status => Of(value),
        Search.Facets.Urgency when Enum.TryParse<Urgency>(value, out var urgency) && urgency.ToString() == value => VocabularyNames.Of(urgency),
        _ => value,
    };
}
