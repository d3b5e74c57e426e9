using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Platform.Portal.Domain;
using Platform.Portal.Persistence;

namespace Platform.Portal.Pages.Gazette;

/// <summary>Gazette issues (công báo) of one year, with links to their signed PDFs.</summary>
public sealed class IndexModel(PortalDbContext db) : PageModel
{
    public IReadOnlyList<int> Years { get; private set; } = [];
    public int? Year { get; private set; }
    public IReadOnlyList<PublishedGazetteIssue> Issues { get; private set; } = [];

    public async Task OnGetAsync(int? nam, CancellationToken cancellationToken)
    {
        Years = await db.GazetteIssues.Select(i => i.Year).Distinct().OrderByDescending(y => y).ToListAsync(cancellationToken);
        Year = nam is { } asked && Years.Contains(asked) ? asked : Years.FirstOrDefault() is var latest and > 0 ? latest : null;
        if (Year is not { } year) return;
        Issues = await db.GazetteIssues.AsNoTracking().Where(i => i.Year == year)
            .OrderByDescending(i => i.PublishedDate).ToListAsync(cancellationToken);
    }
}
