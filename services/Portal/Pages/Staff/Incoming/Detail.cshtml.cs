using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Platform.Portal.Staff;
using Platform.Portal.Staff.Clients;
using Platform.Portal.Staff.Display;
using Platform.ServiceDefaults.Auth;

namespace Platform.Portal.Pages.Staff.Incoming;

/// <summary>One incoming document; a leader records the direction (ý kiến chỉ đạo) here.</summary>
public sealed class DetailModel(DocumentsClient documents) : StaffPageModel
{
    public IncomingDocument? Document { get; private set; }

    [BindProperty]
    public DirectionForm Form { get; set; } = new();

    public bool CanDirect => Document is { Status: "Registered" } && Is(Roles.Leader);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var result = await documents.IncomingAsync(id, cancellationToken);
        if (Failed(result)) return result.Status == System.Net.HttpStatusCode.NotFound ? NotFound() : Page();
        Document = result.Value;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid) return await OnGetAsync(id, cancellationToken);
        var result = await documents.DirectAsync(id, new DirectionRequest(
            Form.Direction, Form.LeadUnit?.Trim(), Labels.Units(Form.SupportingUnits), Form.Deadline), cancellationToken);
        if (Failed(result, nameof(Form)))
        {
            var error = Error;
            await OnGetAsync(id, cancellationToken);
            Error = error;
            return Page();
        }
        Notice = $"Đã ghi ý kiến chỉ đạo; đơn vị chủ trì {result.Value!.LeadUnit}.";
        return Redirect($"/staff/van-ban-den/{id}");
    }

    public sealed class DirectionForm
    {
        [Required(ErrorMessage = "Ý kiến chỉ đạo là bắt buộc.")] public string? Direction { get; set; }
        [Required(ErrorMessage = "Đơn vị chủ trì là bắt buộc.")] public string? LeadUnit { get; set; }
        public string? SupportingUnits { get; set; }
        public DateOnly? Deadline { get; set; }
    }
}
