using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Platform.Portal.Domain;
using Platform.Portal.Persistence;
using Platform.Portal.Staff;
using Platform.ServiceDefaults;
using Platform.ServiceDefaults.Auth;
using Platform.ServiceDefaults.Errors;
using Platform.ServiceDefaults.Storage;

namespace Platform.Portal.Pages.Staff.Feedback;

/// <summary>One citizen's feedback: the editor takes it on and publishes the answer; the rules are the domain's.</summary>
[Authorize(Roles = Roles.PortalEditor + "," + Roles.Administrator)]
public sealed class DetailModel(PortalDbContext db, TimeProvider clock, ServiceInfo service) : StaffPageModel
{
    [FromRoute] public string Code { get; set; } = "";
    public Domain.Feedback? Item { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        (Item = await FindAsync(track: false, cancellationToken)) is null ? NotFound() : Page();

    public Task<IActionResult> OnPostStartAsync(CancellationToken cancellationToken) =>
        ChangeAsync(f => f.StartHandling(User.Username()), "Đã nhận xử lý phản ánh.", cancellationToken);

    public Task<IActionResult> OnPostAnswerAsync(string? answer, CancellationToken cancellationToken) =>
        ChangeAsync(f => f.PublishAnswer(answer.NfcOrNull() ?? "", User.Username(), clock.GetUtcNow()), "Đã công bố trả lời.", cancellationToken);

    /// <summary>Always a download: a citizen's file is not trusted content on the portal's origin.</summary>
    public async Task<IActionResult> OnGetAttachmentAsync(CancellationToken cancellationToken)
    {
        if (await FindAsync(track: false, cancellationToken) is not { Attachment: { } attachment }) return NotFound();
        var path = Path.Combine(service.OwnFolder(), "feedback-attachments", attachment.StoredName);
        return System.IO.File.Exists(path) ? PhysicalFile(path, attachment.ContentType, attachment.OriginalName) : NotFound();
    }

    private async Task<IActionResult> ChangeAsync(Action<Domain.Feedback> change, string done, CancellationToken cancellationToken)
    {
        if ((Item = await FindAsync(track: true, cancellationToken)) is null) return NotFound();
        try
        {
            change(Item);
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DomainRuleException refused)
        {
            Error = refused.Message;
            db.ChangeTracker.Clear();
            Item = await FindAsync(track: false, cancellationToken);
            return Page();
        }
        Notice = done;
        return Redirect($"/staff/phan-anh/{Item.TrackingCode}");
    }

    private Task<Domain.Feedback?> FindAsync(bool track, CancellationToken cancellationToken)
    {
        var canonical = TrackingCode.Normalize(Code);
        if (canonical is null) return Task.FromResult<Domain.Feedback?>(null);
        var query = track ? db.Feedback : db.Feedback.AsNoTracking();
        return query.SingleOrDefaultAsync(f => f.TrackingCode == canonical, cancellationToken);
    }
}
