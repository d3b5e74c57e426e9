using Platform.Contracts;
using Platform.Documents.Search;

namespace Platform.Documents.Tests.Search;

/// <summary>Documents for search tests, with only what a test cares about spelled out.</summary>
internal static class SearchSamples
{
    public static SearchDocument Document(
        string subject, string code = "01/TB-VP", Secrecy secrecy = Secrecy.None, string[]? units = null,
        string type = "Thông báo", string body = "Sở Tài chính", string status = "Registered", bool isPublic = false,
        DateOnly? date = null, Urgency urgency = Urgency.Normal) => new()
    {
        Id = Guid.NewGuid(),
        Direction = "incoming",
        NumberAndCode = code,
        DocumentType = type,
        Subject = subject,
        IssuingBody = body,
        DocumentDate = date ?? new DateOnly(2026, 11, 20),
        Status = status,
        Urgency = urgency,
        Secrecy = secrecy,
        IsPublic = isPublic,
        Units = units ?? ["VP"],
        RegisteredAt = DateTimeOffset.UtcNow,
    };

    public static readonly SearchScope Everyone = new(Secrecy.TopSecret, "VP", SeesAllUnits: true);
}
