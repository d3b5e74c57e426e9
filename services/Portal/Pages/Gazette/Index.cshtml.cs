using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Platform.Portal.Domain;
using Platform.Portal.Persistence;

namespace Platform.Portal.Pages.Gazette;

/// <summary>
/// Gazette issues (công báo) of one year, with links to their signed PDFs; searchable by
/// issue number and by the number or subject of the documents an issue carries.
/// </summary>
public sealed class IndexModel(PortalDbContext db) : PageModel
{
    public IReadOnlyList<int> Years { get; private set; } = [];
    public int? Year { get; private set; }
    public int? Number { get; private set; }
    public string? Query { get; private set; }
    public bool Searching => Number is not null || Query is not null;
    public IReadOnlyList<PublishedGazetteIssue> Issues { get; private set; } = [];
    /// <summary>The documents of each listed issue that the portal knows, by issue.</summary>
    public IReadOnlyDictionary<Guid, IReadOnlyList<PublicDocument>> Contents { get; private set; } = new Dictionary<Guid, IReadOnlyList<PublicDocument>>();

    public async Task OnGetAsync(int? nam, int? so, string? q, CancellationToken cancellationToken)
    {
        Years = await db.GazetteIssues.Select(i => i.Year).Distinct().OrderByDescending(y => y).ToListAsync(cancellationToken);
        Year = nam is { } asked && Years.Contains(asked) ? asked : Years.FirstOrDefault() is var latest and > 0 ? latest : null;
        Number = so is > 0 ? so : null;
        Query = string.IsNullOrWhiteSpace(q) ? null : q.Trim();
        if (Year is not { } year) return;
        var issues = await db.GazetteIssues.AsNoTracking().Where(i => i.Year == year)
            .OrderByDescending(i => i.PublishedDate).ToListAsync(cancellationToken);
        var documentIds = issues.SelectMany(DocumentIdsOf).Distinct().ToList();
        var documents = (await db.PublicDocuments.AsNoTracking().Where(d => documentIds.Contains(d.DocumentId)).ToListAsync(cancellationToken))
            .ToDictionary(d => d.DocumentId);
        Contents = issues.ToDictionary(i => i.IssueId,
            i => (IReadOnlyList<PublicDocument>)DocumentIdsOf(i).Where(documents.ContainsKey).Select(id => documents[id]).ToList());
        // A year holds at most a few hundred issues: filtered here rather than in SQL.
        Issues = issues
            .Where(i => Number is not { } number || i.Numbers.Split('+', StringSplitOptions.TrimEntries).Contains(number.ToString()))
            .Where(i => Query is null || Contents[i.IssueId].Any(d => SearchText.Matches(d.SearchText, Query)))
            .ToList();
    }

    private static IEnumerable<Guid> DocumentIdsOf(PublishedGazetteIssue issue) =>
        issue.DocumentIds.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Guid.Parse);
}
