using System.Net;
using Microsoft.AspNetCore.Mvc;
using Platform.Contracts;
using Platform.Portal.Staff;
using Platform.Portal.Staff.Clients;
using Platform.ServiceDefaults.Auth;

namespace Platform.Portal.Pages.Staff.Tasks;

/// <summary>
/// One task: the lead unit reports progress, reports completion or asks for an extension (gia hạn);
/// a leader decides the pending extension; the office confirms or returns a reported completion.
/// </summary>
public sealed class DetailModel(TasksClient tasks) : StaffPageModel
{
    public TaskDetails? Details { get; private set; }

    /// <summary>The Tasks service lets only the lead unit act; the forms follow the same rule.</summary>
    public bool IsLeadUnit => Details is not null && (Details.Task.LeadUnit == Unit || Is(Roles.Administrator));

    /// <summary>Only a leader decides extensions (TaskAccess.RequireLeader in Tasks).</summary>
    public bool CanDecideExtension => Details is not null && Is(Roles.Leader) && Details.Extensions.Any(e => e.Decision == "Pending")
        && Details.Task.State is not (TaskState.Done or TaskState.Refused);

    /// <summary>Only the office (văn phòng) or an administrator confirms or returns a completion (TaskAccess.RequireOffice).</summary>
    public bool CanConfirmCompletion => Details is not null && Is(Roles.Clerk, Roles.Administrator)
        && Details.Task.State == TaskState.AwaitingConfirmation;

    public static string DecisionName(string decision) => decision switch
    {
        "Pending" => "chờ quyết định",
        "Approved" => "đã đồng ý",
        "Refused" => "không đồng ý",
        _ => decision,
    };

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var result = await tasks.GetAsync(id, cancellationToken);
        if (Failed(result)) return result.Status == HttpStatusCode.NotFound ? NotFound() : Page();
        Details = result.Value;
        return Page();
    }

    public Task<IActionResult> OnPostProgressAsync(Guid id, int percent, string? note, CancellationToken cancellationToken) =>
        ActAsync(id, tasks.ReportProgressAsync(id, percent, note, cancellationToken), $"Đã gửi báo cáo tiến độ {percent}%.", cancellationToken);

    public Task<IActionResult> OnPostCompleteAsync(Guid id, string? note, CancellationToken cancellationToken) =>
        ActAsync(id, tasks.CompleteAsync(id, note, cancellationToken), "Đã báo cáo hoàn thành; chờ văn phòng xác nhận.", cancellationToken);

    public async Task<IActionResult> OnPostExtensionAsync(Guid id, DateOnly? newDeadline, string? reason, CancellationToken cancellationToken)
    {
        if (newDeadline is null)
        {
            Error = "Cần chọn hạn mới đề nghị.";
            return await OnGetAsync(id, cancellationToken);
        }
        return await ActAsync(id, tasks.RequestExtensionAsync(id, newDeadline.Value, reason, cancellationToken),
            $"Đã gửi đề nghị gia hạn đến {newDeadline:dd/MM/yyyy}.", cancellationToken);
    }

    public Task<IActionResult> OnPostDecideExtensionAsync(Guid id, bool approve, string? decisionReason, CancellationToken cancellationToken) =>
        ActAsync(id, tasks.DecideExtensionAsync(id, approve, decisionReason, cancellationToken),
            approve ? "Đã đồng ý gia hạn; hạn xử lý mới đã được ghi nhận." : "Đã không đồng ý gia hạn.", cancellationToken);

    public Task<IActionResult> OnPostConfirmAsync(Guid id, string? confirmNote, CancellationToken cancellationToken) =>
        ActAsync(id, tasks.ConfirmCompletionAsync(id, confirmNote, cancellationToken), "Đã xác nhận hoàn thành nhiệm vụ.", cancellationToken);

    public Task<IActionResult> OnPostReturnAsync(Guid id, string? returnReason, CancellationToken cancellationToken) =>
        ActAsync(id, tasks.ReturnCompletionAsync(id, returnReason, cancellationToken), "Đã trả lại kết quả; đơn vị chủ trì phải làm lại.", cancellationToken);

    private async Task<IActionResult> ActAsync(Guid id, Task<ApiResult<TaskDetails>> action, string done, CancellationToken cancellationToken)
    {
        var result = await action;
        if (result.Succeeded)
        {
            Notice = done;
            return Redirect($"/staff/nhiem-vu/{id}");
        }
        var page = await OnGetAsync(id, cancellationToken);
        Error = result.Error;
        return page;
    }
}
