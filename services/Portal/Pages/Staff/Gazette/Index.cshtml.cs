using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Platform.Portal.Staff;
using Platform.Portal.Staff.Clients;
using Platform.ServiceDefaults;
using Platform.ServiceDefaults.Auth;

namespace Platform.Portal.Pages.Staff.Gazette;

/// <summary>The gazette editor's screen: the year's register of received documents, composing an issue, publishing it.</summary>
[Authorize(Roles = Roles.GazetteEditor + "," + Roles.Administrator)]
public sealed class IndexModel(GazetteClient gazette, TimeProvider clock) : StaffPageModel
{
    public int Year => VietnamTime.ToLocal(clock.GetUtcNow()).Year;
    public IReadOnlyList<GazetteEntry> Entries { get; private set; } = [];
    public IReadOnlyList<GazetteIssue> Issues { get; private set; } = [];

    public static string EntryStatusName(string status) => status switch
    {
        "Received" => "Đã tiếp nhận",
        "Returned" => "Trả lại để sửa lỗi",
        "Published" => "Đã đăng công báo",
        _ => status,
    };

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var entries = await gazette.RegisterAsync(Year, cancellationToken);
        if (!Failed(entries)) Entries = entries.Value ?? [];
        var issues = await gazette.IssuesAsync(cancellationToken);
        if (!Failed(issues)) Issues = (issues.Value ?? []).Where(i => i.Year is null || i.Year == Year).ToArray();
    }

    public async Task<IActionResult> OnPostComposeAsync(Guid[] entryIds, bool combined, CancellationToken cancellationToken)
    {
        if (entryIds.Length == 0)
        {
            Error = "Cần chọn ít nhất một văn bản để lập số công báo.";
            await OnGetAsync(cancellationToken);
            return Page();
        }
        var result = await gazette.ComposeAsync(entryIds, combined, cancellationToken);
        return await AfterAsync(result, $"Đã lập dự thảo công báo với {entryIds.Length} văn bản.", cancellationToken);
    }

    public async Task<IActionResult> OnPostPublishAsync(Guid issueId, CancellationToken cancellationToken)
    {
        var result = await gazette.PublishAsync(issueId, cancellationToken);
        return await AfterAsync(result, result.Value is { } issue ? $"Đã phát hành công báo {issue.Label}." : "", cancellationToken);
    }

    private async Task<IActionResult> AfterAsync(ApiResult<GazetteIssue> result, string done, CancellationToken cancellationToken)
    {
        if (!result.Succeeded)
        {
            var error = result.Error;
            await OnGetAsync(cancellationToken);
            Error = error;
            return Page();
        }
        Notice = done;
        return Redirect("/staff/cong-bao");
    }
}
