using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Platform.Portal.Domain;
using Platform.Portal.Persistence;
using Platform.ServiceDefaults.Storage;

namespace Platform.Portal.Seed;

/// <summary>
/// Puts a few published articles, taken from real administrative news (../shared/corpus),
/// on a new portal so its first page is not empty. Categories and articles are matched by
/// slug, so a restart, a second replica or an article an editor since unpublished never
/// brings a duplicate or a resurrection. Portal:SeedSampleNews=false turns it off.
/// </summary>
public sealed class SampleNewsSeeder(IServiceScopeFactory scopes, IConfiguration configuration, ILogger<SampleNewsSeeder> logger) : IHostedService
{
    public const string Editor = "he-thong";

    private sealed record SampleArticle(string Category, string Title, string Summary, string Body, string Source, DateTimeOffset PublishedAt);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!configuration.GetValue("Portal:SeedSampleNews", true)) return;
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        try
        {
            await SeedAsync(db, cancellationToken);
        }
        catch (DbUpdateException exception)
        {
            // Another replica seeded the same rows at the same moment; theirs stand.
            logger.LogInformation(exception, "Sample news already seeded elsewhere.");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static async Task SeedAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        var samples = await ReadSamplesAsync(cancellationToken);
        var categories = await db.NewsCategories.ToDictionaryAsync(c => c.Slug, cancellationToken);
        var existing = (await db.NewsArticles.Select(a => a.Slug).ToListAsync(cancellationToken)).ToHashSet();
        foreach (var sample in samples)
        {
            var categorySlug = Slug.From(sample.Category);
            if (!categories.TryGetValue(categorySlug, out var category))
            {
                category = new NewsCategory { CategoryId = Guid.CreateVersion7(), Name = sample.Category.Nfc(), Slug = categorySlug };
                categories[categorySlug] = category;
                db.NewsCategories.Add(category);
            }
            var slug = Slug.From(sample.Title);
            if (!existing.Add(slug)) continue;
            var article = new NewsArticle
            {
                ArticleId = Guid.CreateVersion7(),
                CategoryId = category.CategoryId,
                Title = sample.Title.Nfc(),
                Slug = slug,
                Summary = sample.Summary.Nfc(),
                Body = $"{sample.Body}\n\nNguồn: {sample.Source}".Nfc(),
                Author = Editor,
                CreatedAt = sample.PublishedAt,
                UpdatedAt = sample.PublishedAt,
            };
            // Through the same workflow an editor uses, dated when the news first appeared.
            article.SubmitForReview(Editor, sample.PublishedAt);
            article.Publish(Editor, sample.PublishedAt);
            db.NewsArticles.Add(article);
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    private static async Task<SampleArticle[]> ReadSamplesAsync(CancellationToken cancellationToken)
    {
        await using var stream = typeof(SampleNewsSeeder).Assembly.GetManifestResourceStream("Platform.Portal.Seed.sample-news.json")
            ?? throw new InvalidOperationException("The sample news resource is missing from the build.");
        return await JsonSerializer.DeserializeAsync<SampleArticle[]>(stream, new JsonSerializerOptions(JsonSerializerDefaults.Web), cancellationToken) ?? [];
    }
}
