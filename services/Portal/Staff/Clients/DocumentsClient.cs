using System.Net;
using Platform.Contracts;

namespace Platform.Portal.Staff.Clients;

/// <summary>The Documents service (văn bản đến, văn bản đi, tìm kiếm) as the signed-in person.</summary>
public sealed class DocumentsClient(HttpClient http) : ServiceClient(http, "văn bản")
{
    public Task<ApiResult<IncomingDocument[]>> IncomingAsync(string? status, CancellationToken cancellationToken) =>
        GetAsync<IncomingDocument[]>("/api/documents/incoming" + (status is null ? "" : $"?status={Uri.EscapeDataString(status)}"), cancellationToken);

    public Task<ApiResult<IncomingDocument>> IncomingAsync(Guid id, CancellationToken cancellationToken) =>
        GetAsync<IncomingDocument>($"/api/documents/incoming/{id}", cancellationToken);

    public Task<ApiResult<FileDownload>> IncomingAttachmentAsync(Guid id, Guid attachmentId, CancellationToken cancellationToken) =>
        DownloadAsync($"/api/documents/incoming/{id}/attachments/{attachmentId}", cancellationToken);

    public Task<ApiResult<IncomingDocument>> RegisterAsync(IncomingRegistration registration, CancellationToken cancellationToken) =>
        PostAsync<IncomingDocument>("/api/documents/incoming", registration, cancellationToken);

    public async Task<ApiResult<Attachment>> AttachAsync(Guid id, IFormFile file, CancellationToken cancellationToken)
    {
        using var content = new MultipartFormDataContent();
        using var stream = file.OpenReadStream();
        var part = new StreamContent(stream);
        part.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(string.IsNullOrWhiteSpace(file.ContentType) ? "application/octet-stream" : file.ContentType);
        content.Add(part, "file", Path.GetFileName(file.FileName));
        return await PostAsync<Attachment>($"/api/documents/incoming/{id}/attachments", content, cancellationToken);
    }

    public Task<ApiResult<IncomingDocument>> DirectAsync(Guid id, DirectionRequest direction, CancellationToken cancellationToken) =>
        PostAsync<IncomingDocument>($"/api/documents/incoming/{id}/direction", direction, cancellationToken);

    public Task<ApiResult<OutgoingDocument[]>> OutgoingAsync(CancellationToken cancellationToken) =>
        GetAsync<OutgoingDocument[]>("/api/documents/outgoing", cancellationToken);

    public Task<ApiResult<OutgoingDocument>> OutgoingAsync(Guid id, CancellationToken cancellationToken) =>
        GetAsync<OutgoingDocument>($"/api/documents/outgoing/{id}", cancellationToken);

    /// <summary>Per-recipient exchange status; a service without the endpoint answers 404, which the page shows as unavailable.</summary>
    public Task<ApiResult<RecipientStatus[]>> RecipientsAsync(Guid id, CancellationToken cancellationToken) =>
        GetAsync<RecipientStatus[]>($"/api/documents/outgoing/{id}/recipients", cancellationToken);

    public Task<ApiResult<SearchPage>> SearchAsync(SearchFilters filters, CancellationToken cancellationToken) =>
        GetAsync<SearchPage>("/api/documents/search" + filters.ToQueryString(), cancellationToken);
}

public sealed record IncomingRegistration(
    string? IssuingBody, string? NumberAndCode, DateOnly? DocumentDate, string? DocumentType, string? Subject,
    Urgency Urgency, Secrecy Secrecy, int PageCount, string? Signer, bool ConfirmDuplicate);

public sealed record DirectionRequest(string? Direction, string? LeadUnit, string[] SupportingUnits, DateOnly? Deadline);

public sealed record IncomingDocument(
    Guid Id, int Year, int ArrivalNumber, DateTime ArrivedAtUtc, string IssuingBody, string NumberAndCode, DateOnly DocumentDate,
    string DocumentType, string Subject, Urgency Urgency, Secrecy Secrecy, int PageCount, string? Signer, string RegisteredBy,
    string Status, string? StatusLabel, string? Direction, string? LeadUnit, IReadOnlyList<string>? SupportingUnits, DateOnly? Deadline,
    string? AssignedBy, string? HandedOnTo, string? Progress, IReadOnlyList<Attachment>? Attachments = null);

public sealed record Attachment(Guid Id, string FileName, long Length);

public sealed record OutgoingDocument(
    Guid Id, string DocumentType, string Subject, Urgency Urgency, Secrecy Secrecy, string DraftingUnit, string DraftedBy,
    DateTime CreatedAtUtc, IReadOnlyList<string> Recipients, string Status, string StatusLabel, string? ReturnReason,
    string? SignerName, string? NumberAndCode, DateOnly? IssuedDate, DateTime? RecalledAtUtc);

/// <summary>
/// One agency an issued document went to over the exchange (nơi nhận liên thông) and where it has got to,
/// as GET /api/documents/outgoing/{id}/recipients gives it.
/// </summary>
public sealed record RecipientStatus(
    string AgencyCode, string AgencyName, string Status, string StatusLabel, int Attempts, string? LastError, string? Reason,
    DateTime? SentAtUtc, DateTime? StatusAtUtc, DateTime? NextAttemptUtc, string Recall, string RecallLabel, bool SlowToAccept)
{
    /// <summary>Whether a recipient line of the document names this agency, by name or by code.</summary>
    public bool IsNamedBy(string recipient) =>
        string.Equals(recipient.Trim(), AgencyName, StringComparison.OrdinalIgnoreCase)
        || string.Equals(recipient.Trim(), AgencyCode, StringComparison.OrdinalIgnoreCase);
}

public sealed record SearchPage(long Total, int Page, int PageSize, IReadOnlyList<SearchHit> Hits, IReadOnlyDictionary<string, IReadOnlyList<FacetCount>> Facets);

public sealed record SearchHit(Guid Id, string Direction, string NumberAndCode, string DocumentType, string Subject, string IssuingBody,
    DateOnly DocumentDate, string Status, Urgency Urgency, Secrecy Secrecy, string Highlight, string? StatusLabel = null);

/// <summary>A facet value (the code to filter by), its count, and the Vietnamese name Documents gives it.</summary>
public sealed record FacetCount(string Value, long Count, string? Label = null);

/// <summary>The filters of the staff search form, as the Documents search API takes them.</summary>
public sealed record SearchFilters(string? Q, string? Type, string? IssuingBody, DateOnly? From, DateOnly? To, string? Status, Urgency? Urgency, int Page = 1)
{
    /// <param name="pageParameter">"page" for the API; the console's own links say "trang".</param>
    public string ToQueryString(string pageParameter = "page")
    {
        var query = new QueryString()
            .AddIf("q", Q).AddIf("type", Type).AddIf("issuingBody", IssuingBody)
            .AddIf("from", From?.ToString("yyyy-MM-dd")).AddIf("to", To?.ToString("yyyy-MM-dd"))
            .AddIf("status", Status).AddIf("urgency", Urgency?.ToString())
            .Add(pageParameter, Math.Max(Page, 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        return query.ToUriComponent();
    }
}

internal static class QueryStrings
{
    public static QueryString AddIf(this QueryString query, string name, string? value) =>
        string.IsNullOrWhiteSpace(value) ? query : query.Add(name, value.Trim());
}
