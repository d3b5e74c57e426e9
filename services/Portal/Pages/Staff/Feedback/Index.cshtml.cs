using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Platform.Portal.Domain;
using Platform.Portal.Persistence;
using Platform.Portal.Staff;
using Platform.ServiceDefaults.Auth;

namespace Platform.Portal.Pages.Staff.Feedback;

/// <summary>The portal editor's queue of citizen feedback (phản ánh, kiến nghị), newest first.</summary>
[Authorize(Roles = Roles.PortalEditor + "," + Roles.Administrator)]
public sealed class IndexModel(PortalDbContext db) : StaffPageModel
{
    [BindProperty(SupportsGet = true)] public FeedbackStatus? Status { get; set; }

    public IReadOnlyList<Domain.Feedback> Items { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var query = db.Feedback.AsNoTracking();
        if (Status is { } status) query = query.Where(f => f.Status == status);
        Items = await query.OrderByDescending(f => f.ReceivedAt).Take(200).ToListAsync(cancellationToken);
    }
}
