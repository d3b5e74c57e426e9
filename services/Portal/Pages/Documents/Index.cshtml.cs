using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Platform.Portal.Domain;
using Platform.Portal.Persistence;

namespace Platform.Portal.Pages.Documents;

/// <summary>Issued public documents (văn bản), newest first, from the portal's own read model.</summary>
public sealed class IndexModel(PortalDbContext db) : PageModel
{
    public const int PageSize = 20;
    public IReadOnlyList<PublicDocument> Documents { get; private set; } = [];
    public Paging Paging { get; private set; } = Paging.Of(1, PageSize, 0);
    public (Paging Paging, string Path) Pager => (Paging, "/van-ban");

    public async Task OnGetAsync(int? trang, CancellationToken cancellationToken)
    {
        Paging = Paging.Of(trang, PageSize, await db.PublicDocuments.CountAsync(cancellationToken));
        Documents = await db.PublicDocuments.AsNoTracking()
            .OrderByDescending(d => d.IssuedDate).ThenBy(d => d.NumberAndCode)
            .Skip(Paging.Skip).Take(PageSize).ToListAsync(cancellationToken);
    }
}
