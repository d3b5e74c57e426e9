using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Platform.Portal.Domain;
using Platform.Portal.Persistence;
using Platform.Portal.Submissions;
using Platform.ServiceDefaults;
using Platform.ServiceDefaults.Storage;

namespace Platform.Portal.Pages.Consultation;

/// <summary>A draft open for public comment, with the comment form (góp ý dự thảo).</summary>
[EnableRateLimiting(FeedbackOptions.RateLimitPolicy)]
public sealed class DraftModel(PortalDbContext db, TimeProvider clock) : PageModel
{
    public ConsultationDraft Draft { get; private set; } = null!;
    public bool IsOpen { get; private set; }
    public bool Sent { get; private set; }

    [BindProperty]
    public CommentForm Form { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, bool? daGui, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        Sent = daGui == true;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        if (!IsOpen) ModelState.AddModelError(string.Empty, "Dự thảo đã hết thời hạn lấy ý kiến.");
        if (!ModelState.IsValid) return Page();
        db.ConsultationComments.Add(new ConsultationComment
        {
            CommentId = Guid.CreateVersion7(),
            DraftId = id,
            SenderName = Form.Name!.Nfc(),
            Contact = Form.Contact!.Nfc(),
            Content = Form.Content!.Nfc(),
            ReceivedAt = clock.GetUtcNow(),
        });
        await db.SaveChangesAsync(cancellationToken);
        // Post, redirect, get: a reload does not send the comment twice.
        return Redirect($"/lay-y-kien-du-thao/{id}?daGui=true#ket-qua");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var draft = await db.ConsultationDrafts.AsNoTracking().SingleOrDefaultAsync(d => d.DraftId == id, cancellationToken);
        if (draft is null) return false;
        Draft = draft;
        IsOpen = draft.IsOpenOn(VietnamTime.Today(clock));
        return true;
    }

    public sealed class CommentForm
    {
        [Required(ErrorMessage = "Vui lòng nhập họ và tên.")]
        [StringLength(ConsultationLimits.Name, ErrorMessage = "Họ và tên không quá {1} ký tự.")]
        public string? Name { get; set; }

        [Required(ErrorMessage = "Vui lòng nhập số điện thoại hoặc thư điện tử.")]
        [StringLength(ConsultationLimits.Contact, ErrorMessage = "Thông tin liên hệ không quá {1} ký tự.")]
        public string? Contact { get; set; }

        [Required(ErrorMessage = "Vui lòng nhập nội dung góp ý.")]
        [StringLength(ConsultationLimits.Comment, ErrorMessage = "Nội dung góp ý không quá {1} ký tự.")]
        public string? Content { get; set; }
    }
}
