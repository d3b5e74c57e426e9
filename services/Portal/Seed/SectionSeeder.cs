using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Platform.Portal.Domain;
using Platform.Portal.Persistence;
using Platform.ServiceDefaults;
using Platform.ServiceDefaults.Storage;

namespace Platform.Portal.Seed;

/// <summary>
/// Gives every required section (Nghị định 42/2022/NĐ-CP) a first text, partly from real
/// provincial reports in ../shared/corpus, for editors to adapt; a section an editor already
/// wrote is never overwritten. A first portal also gets one draft open for comment
/// (Portal:SeedSampleNews=false turns that sample off).
/// </summary>
public sealed class SectionSeeder(IServiceScopeFactory scopes, IConfiguration configuration, TimeProvider clock, ILogger<SectionSeeder> logger) : IHostedService
{
    private sealed record SampleSection(string Key, string Title, string Body, string Links);
    private sealed record SampleDraft(string Title, string DraftingBody, string Summary, int Days);
    private sealed record Samples(SampleSection[] Sections, SampleDraft Consultation);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        try
        {
            await SeedAsync(db, configuration.GetValue("Portal:SeedSampleNews", true), cancellationToken);
        }
        catch (DbUpdateException exception)
        {
            logger.LogInformation(exception, "Sections already seeded elsewhere.");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task SeedAsync(PortalDbContext db, bool withSampleDraft, CancellationToken cancellationToken)
    {
        await using var stream = typeof(SectionSeeder).Assembly.GetManifestResourceStream("Platform.Portal.Seed.sample-sections.json")
            ?? throw new InvalidOperationException("The sample sections resource is missing from the build.");
        var samples = await JsonSerializer.DeserializeAsync<Samples>(stream, new JsonSerializerOptions(JsonSerializerDefaults.Web), cancellationToken)
            ?? throw new InvalidOperationException("The sample sections resource is empty.");
        var existing = (await db.Sections.Select(s => s.Key).ToListAsync(cancellationToken)).ToHashSet();
        var now = clock.GetUtcNow();
        foreach (var sample in samples.Sections.Where(s => PortalSections.Exists(s.Key) && !existing.Contains(s.Key)))
        {
            db.Sections.Add(new PortalSection
            {
                Key = sample.Key, Title = sample.Title.Nfc(), Body = sample.Body.Nfc(), LinksText = sample.Links.Nfc(),
                UpdatedAt = now, UpdatedBy = SampleNewsSeeder.Editor,
            });
        }
        if (withSampleDraft && !await db.ConsultationDrafts.AnyAsync(cancellationToken))
        {
            var today = VietnamTime.Today(clock);
            var draft = samples.Consultation;
            db.ConsultationDrafts.Add(new ConsultationDraft
            {
                DraftId = Guid.CreateVersion7(), Title = draft.Title.Nfc(), DraftingBody = draft.DraftingBody.Nfc(), Summary = draft.Summary.Nfc(),
                OpensOn = today, ClosesOn = today.AddDays(draft.Days), CreatedAt = now, CreatedBy = SampleNewsSeeder.Editor,
            });
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}
