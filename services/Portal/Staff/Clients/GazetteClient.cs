namespace Platform.Portal.Staff.Clients;

/// <summary>The Gazette service (công báo) as the signed-in gazette editor.</summary>
public sealed class GazetteClient(HttpClient http) : ServiceClient(http, "công báo")
{
    public Task<ApiResult<GazetteEntry[]>> RegisterAsync(int year, CancellationToken cancellationToken) =>
        GetAsync<GazetteEntry[]>($"/api/gazette/register?year={year}", cancellationToken);

    /// <summary>The latest issues; a draft has no year until it is numbered at publication.</summary>
    public Task<ApiResult<GazetteIssue[]>> IssuesAsync(CancellationToken cancellationToken) =>
        GetAsync<GazetteIssue[]>("/api/gazette/issues", cancellationToken);

    public Task<ApiResult<GazetteIssue>> ComposeAsync(IReadOnlyList<Guid> entryIds, bool combined, CancellationToken cancellationToken) =>
        PostAsync<GazetteIssue>("/api/gazette/issues", new { entryIds, combined }, cancellationToken);

    public Task<ApiResult<GazetteIssue>> PublishAsync(Guid issueId, CancellationToken cancellationToken) =>
        PostAsync<GazetteIssue>($"/api/gazette/issues/{issueId}/publish", new { }, cancellationToken);
}

/// <summary>A document in the gazette register (sổ tiếp nhận văn bản đăng công báo).</summary>
public sealed record GazetteEntry(
    Guid Id, string NumberAndCode, string DocumentType, string Subject, string IssuingBody, DateOnly SignedDate, DateOnly ReceivedDate,
    DateOnly PublishBy, bool SentLate, string Status, Guid? IssueId, string? LastError);

/// <summary>A gazette issue, draft or published ("Số 1095 + 1096").</summary>
public sealed record GazetteIssue(Guid Id, string Status, string Label, int? Year, IReadOnlyList<int> Numbers, DateOnly? PublishedDate, IReadOnlyList<Guid> EntryIds, string? PdfUrl);
