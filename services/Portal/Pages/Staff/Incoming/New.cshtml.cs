using System.ComponentModel.DataAnnotations;
using System.Net;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Platform.Contracts;
using Platform.Portal.Staff;
using Platform.Portal.Staff.Clients;
using Platform.ServiceDefaults.Auth;

namespace Platform.Portal.Pages.Staff.Incoming;

/// <summary>The clerk registers an incoming document (vào sổ văn bản đến) with its scanned or electronic files.</summary>
[Authorize(Roles = Roles.Clerk + "," + Roles.Administrator)]
public sealed class NewModel(DocumentsClient documents) : StaffPageModel
{
    /// <summary>The common types of Nghị định 30/2020 offered as suggestions; any other name may be typed.</summary>
    public static readonly string[] DocumentTypes =
    [
        "Công văn", "Quyết định", "Nghị quyết", "Chỉ thị", "Thông báo", "Kế hoạch", "Báo cáo", "Tờ trình", "Giấy mời", "Hướng dẫn",
        "Chương trình", "Công điện", "Quy định", "Quy chế", "Biên bản",
    ];

    [BindProperty]
    public RegistrationForm Form { get; set; } = new();

    public bool Duplicate { get; private set; }

    public void OnGet() => Form.DocumentDate = DateOnly.FromDateTime(Platform.ServiceDefaults.VietnamTime.ToLocal(DateTimeOffset.UtcNow).DateTime);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid) return Page();
        var registered = await documents.RegisterAsync(new IncomingRegistration(
            Form.IssuingBody, Form.NumberAndCode, Form.DocumentDate, Form.DocumentType, Form.Subject,
            Form.Urgency, Form.Secrecy, Form.PageCount, Form.Signer, Form.ConfirmDuplicate), cancellationToken);
        if (Failed(registered, nameof(Form)))
        {
            Duplicate = registered.Status == HttpStatusCode.Conflict;
            return Page();
        }
        var document = registered.Value!;
        var failedFiles = new List<string>();
        foreach (var file in Form.Files)
        {
            var attached = await documents.AttachAsync(document.Id, file, cancellationToken);
            if (!attached.Succeeded) failedFiles.Add($"{file.FileName}: {attached.Error}");
        }
        Notice = $"Đã vào sổ văn bản đến số {document.ArrivalNumber}/{document.Year}."
            + (failedFiles.Count == 0 ? "" : " Chưa đính kèm được: " + string.Join("; ", failedFiles));
        return Redirect($"/staff/van-ban-den/{document.Id}");
    }

    public sealed class RegistrationForm
    {
        [Required(ErrorMessage = "Cơ quan ban hành là bắt buộc.")] public string? IssuingBody { get; set; }
        [Required(ErrorMessage = "Số, ký hiệu là bắt buộc.")] public string? NumberAndCode { get; set; }
        [Required(ErrorMessage = "Ngày văn bản là bắt buộc.")] public DateOnly? DocumentDate { get; set; }
        [Required(ErrorMessage = "Loại văn bản là bắt buộc.")] public string? DocumentType { get; set; }
        [Required(ErrorMessage = "Trích yếu là bắt buộc.")] public string? Subject { get; set; }
        public Urgency Urgency { get; set; }
        public Secrecy Secrecy { get; set; }
        [Range(0, 100_000, ErrorMessage = "Số trang phải từ 0 đến 100000.")] public int PageCount { get; set; } = 1;
        public string? Signer { get; set; }
        public bool ConfirmDuplicate { get; set; }
        public List<IFormFile> Files { get; set; } = [];
    }
}
