using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Platform.Portal.Domain;
using Platform.Portal.Persistence;

namespace Platform.Portal.Pages.Feedback;

/// <summary>Follow feedback by its tracking code (tra cứu phản ánh). Shows no personal details of the sender.</summary>
public sealed class StatusModel(PortalDbContext db) : PageModel
{
    public string? Code { get; private set; }
    public Domain.Feedback? Found { get; private set; }
    public bool JustSent { get; private set; }

    public async Task OnGetAsync(string? code, CancellationToken cancellationToken)
    {
        JustSent = TempData["Sent"] is true;
        Code = code?.Trim();
        var canonical = TrackingCode.Normalize(code);
        if (canonical is null) return;
        Code = canonical;
        Found = await db.Feedback.AsNoTracking().SingleOrDefaultAsync(f => f.TrackingCode == canonical, cancellationToken);
        if (Found is null) Response.StatusCode = StatusCodes.Status404NotFound;
    }
}
