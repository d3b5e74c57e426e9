using Microsoft.EntityFrameworkCore;
using Platform.Portal.Domain;

namespace Platform.Portal.Persistence;

/// <summary>
/// Documents the portal recorded before it kept a folded search text (migration
/// PublicSections) get one at start, so the search used while Documents is down finds them too.
/// The fold is .NET's, not SQL's, hence not in the migration itself.
/// </summary>
public sealed class SearchTextBackfill(IServiceScopeFactory scopes) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        foreach (var document in await db.PublicDocuments.Where(d => d.SearchText == "").ToListAsync(cancellationToken))
        {
            db.Entry(document).Property(d => d.SearchText).CurrentValue =
                PublicDocument.SearchTextOf(document.NumberAndCode, document.DocumentType, document.Subject, document.SignerName);
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
