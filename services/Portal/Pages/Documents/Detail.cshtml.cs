using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Platform.Portal.Domain;
using Platform.Portal.Persistence;

namespace Platform.Portal.Pages.Documents;

/// <summary>One issued public document.</summary>
public sealed class DetailModel(PortalDbContext db) : PageModel
{
    public PublicDocument Document { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var document = await db.PublicDocuments.AsNoTracking().SingleOrDefaultAsync(d => d.DocumentId == id, cancellationToken);
        if (document is null) return NotFound();
        Document = document;
        return Page();
    }
}
