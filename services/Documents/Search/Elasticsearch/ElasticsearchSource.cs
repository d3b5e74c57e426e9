using System.Globalization;
using System.Text.Json;
using Platform.Contracts;
using Platform.ServiceDefaults.Storage;

namespace Platform.Documents.Search.Elasticsearch;

/// <summary>A document's `_source` in the Elasticsearch index (snake_case, text already NFC).</summary>
internal sealed record ElasticsearchSource(
    string Id, string Direction, string NumberAndCode, string DocumentType, string Subject, string IssuingBody,
    string DocumentDate, string Status, string Urgency, int Secrecy, bool IsPublic, IReadOnlyList<string> Units,
    string? Body, DateTimeOffset RegisteredAt)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    // The index has no ICU plugin to normalise; NFC is applied here, before anything leaves the service.
    public static ElasticsearchSource From(SearchDocument d) => new(
        d.Id.ToString(), d.Direction, d.NumberAndCode.Nfc(), d.DocumentType.Nfc(), d.Subject.Nfc(), d.IssuingBody.Nfc(),
        d.DocumentDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), d.Status, d.Urgency.ToString(), (int)d.Secrecy,
        d.IsPublic, d.Units.Where(u => u.Length > 0).Select(u => u.Nfc()).Distinct().ToArray(), d.Body?.Nfc(), d.RegisteredAt);

    public SearchDocument ToDocument() => new()
    {
        Id = Guid.Parse(Id),
        Direction = Direction,
        NumberAndCode = NumberAndCode,
        DocumentType = DocumentType,
        Subject = Subject,
        IssuingBody = IssuingBody,
        DocumentDate = DateOnly.ParseExact(DocumentDate, "yyyy-MM-dd", CultureInfo.InvariantCulture),
        Status = Status,
        Urgency = Enum.Parse<Urgency>(Urgency),
        Secrecy = (Secrecy)Secrecy,
        IsPublic = IsPublic,
        Units = Units,
        Body = Body,
        RegisteredAt = RegisteredAt,
    };
}
