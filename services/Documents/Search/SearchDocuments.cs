using Platform.Documents.Domain;

namespace Platform.Documents.Search;

/// <summary>How the service's own records become search documents.</summary>
public static class SearchDocuments
{
    public static SearchDocument From(IncomingDocument d) => new()
    {
        Id = d.Id,
        Direction = "incoming",
        NumberAndCode = d.NumberAndCode,
        DocumentType = d.DocumentType,
        Subject = d.Subject,
        IssuingBody = d.IssuingBody,
        DocumentDate = d.DocumentDate,
        Status = d.Status.ToString(),
        Urgency = d.Urgency,
        Secrecy = d.Secrecy,
        IsPublic = false,
        // Exactly the units DocumentAccess lets read it.
        Units = [d.RegisteredByUnit, .. d.LeadUnit is null ? Array.Empty<string>() : [d.LeadUnit], .. d.SupportingUnitList()],
        Body = d.Direction,
        RegisteredAt = new DateTimeOffset(d.ArrivedAtUtc, TimeSpan.Zero),
    };
}
