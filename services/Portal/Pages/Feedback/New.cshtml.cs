using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Platform.Contracts.Events;
using Platform.Portal.Domain;
using Platform.Portal.Persistence;
using Platform.Portal.Submissions;
using Platform.ServiceDefaults;
using Platform.ServiceDefaults.Events.Outbox;
using Platform.ServiceDefaults.Storage;

namespace Platform.Portal.Pages.Feedback;

/// <summary>The citizen feedback form (gửi phản ánh, kiến nghị).</summary>
[EnableRateLimiting(FeedbackOptions.RateLimitPolicy)]
public sealed class NewModel(PortalDbContext db, Outbox outbox, ServiceInfo service, IOptions<FeedbackOptions> options, TimeProvider clock) : PageModel
{
    [BindProperty]
    public FeedbackForm Form { get; set; } = new();

    public long MaxAttachmentMegabytes => options.Value.MaxAttachmentBytes / (1024 * 1024);

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var attachment = Form.Attachment is { } file ? await CheckAttachmentAsync(file, cancellationToken) : null;
        if (!ModelState.IsValid) return Page();

        var code = TrackingCode.New();
        var feedback = new Domain.Feedback
        {
            FeedbackId = Guid.CreateVersion7(),
            TrackingCode = code,
            SenderName = Form.Name!.Nfc(),
            Contact = Form.Contact!.Nfc(),
            Subject = Form.Subject!.Nfc(),
            Content = Form.Content!.Nfc(),
            Attachment = attachment is null ? null : await StoreAsync(Form.Attachment!, attachment, cancellationToken),
            ReceivedAt = clock.GetUtcNow(),
        };
        db.Feedback.Add(feedback);
        outbox.Add(new FeedbackReceived(feedback.FeedbackId, code, feedback.Subject, feedback.ReceivedAt));
        await db.SaveChangesAsync(cancellationToken);
        TempData["Sent"] = true;
        return RedirectToPage("Status", new { code });
    }

    /// <summary>The checked file name, or null with the reason in ModelState.</summary>
    private async Task<string?> CheckAttachmentAsync(IFormFile file, CancellationToken cancellationToken)
    {
        var head = new byte[8];
        await using (var stream = file.OpenReadStream())
        {
            var read = await stream.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken);
            head = head[..read];
        }
        var problem = new AttachmentPolicy { MaxBytes = options.Value.MaxAttachmentBytes }.Check(file.FileName, file.Length, head);
        if (problem is null) return file.FileName.Nfc();
        ModelState.AddModelError($"{nameof(Form)}.{nameof(FeedbackForm.Attachment)}", problem);
        return null;
    }

    private async Task<FeedbackAttachment> StoreAsync(IFormFile file, string originalName, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(service.OwnFolder(), "feedback-attachments");
        Directory.CreateDirectory(folder);
        var storedName = Guid.CreateVersion7().ToString("N") + Path.GetExtension(originalName).ToLowerInvariant();
        await using var target = System.IO.File.Create(Path.Combine(folder, storedName));
        await file.CopyToAsync(target, cancellationToken);
        return new FeedbackAttachment(originalName, storedName, AttachmentPolicy.ContentTypeOf(originalName), file.Length);
    }
}

/// <summary>What the form sends; messages in Vietnamese, as the citizen reads them.</summary>
public sealed class FeedbackForm
{
    [Display(Name = "Họ và tên")]
    [Required(ErrorMessage = "Vui lòng nhập họ và tên.")]
    [StringLength(FeedbackLimits.Name, ErrorMessage = "Họ và tên không quá {1} ký tự.")]
    public string? Name { get; set; }

    [Display(Name = "Số điện thoại hoặc thư điện tử")]
    [Required(ErrorMessage = "Vui lòng nhập số điện thoại hoặc địa chỉ thư điện tử để nhận trả lời.")]
    [StringLength(FeedbackLimits.Contact, ErrorMessage = "Thông tin liên hệ không quá {1} ký tự.")]
    [RegularExpression(@"^\s*(\+?[0-9][0-9 .-]{7,18}[0-9]|[^@\s]+@[^@\s]+\.[^@\s]+)\s*$",
        ErrorMessage = "Vui lòng nhập số điện thoại hoặc địa chỉ thư điện tử hợp lệ.")]
    public string? Contact { get; set; }

    [Display(Name = "Tiêu đề")]
    [Required(ErrorMessage = "Vui lòng nhập tiêu đề phản ánh, kiến nghị.")]
    [StringLength(FeedbackLimits.Subject, ErrorMessage = "Tiêu đề không quá {1} ký tự.")]
    public string? Subject { get; set; }

    [Display(Name = "Nội dung")]
    [Required(ErrorMessage = "Vui lòng nhập nội dung phản ánh, kiến nghị.")]
    [StringLength(FeedbackLimits.Content, MinimumLength = 20, ErrorMessage = "Nội dung cần từ {2} đến {1} ký tự.")]
    public string? Content { get; set; }

    [Display(Name = "Tệp đính kèm (không bắt buộc)")]
    public IFormFile? Attachment { get; set; }
}
