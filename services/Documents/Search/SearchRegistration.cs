using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Contracts.Events;
using Platform.Documents.Search.Elasticsearch;
using Platform.Documents.Search.Indexing;
using Platform.Documents.Search.Lucene;
using Platform.Documents.Persistence;
using Platform.ServiceDefaults;
using Platform.ServiceDefaults.Events;
using Platform.ServiceDefaults.Events.Redis;
using Platform.ServiceDefaults.Storage;

namespace Platform.Documents.Search;

public static class SearchRegistration
{
    /// <summary>The engine chosen by Search:Engine, the handlers that feed it from events, and the gRPC query service.</summary>
    public static WebApplicationBuilder AddDocumentSearch(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var section = builder.Configuration.GetSection(SearchOptions.Section);
        services.Configure<SearchOptions>(section);
        var engine = (section[nameof(SearchOptions.Engine)] ?? "lucene").ToLowerInvariant();
        switch (engine)
        {
            case "lucene":
                services.AddSingleton<IDocumentSearch>(sp => new LuceneDocumentSearch(
                    Path.Combine(sp.GetRequiredService<ServiceInfo>().DataFolder, "documents", "search-index")));
                break;
            case "elasticsearch":
                services.AddHttpClient<IDocumentSearch, ElasticsearchDocumentSearch>((sp, client) =>
                {
                    var options = sp.GetRequiredService<IOptions<SearchOptions>>().Value.Elasticsearch;
                    client.BaseAddress = new Uri(options.Url.TrimEnd('/') + "/");
                    client.DefaultRequestHeaders.Authorization = Authorization(options);
                });
                services.AddHostedService<ElasticsearchIndexSetup>();
                break;
            default:
                throw new InvalidOperationException($"Search:Engine '{engine}' is unknown; use lucene or elasticsearch.");
        }
        services.AddEventHandler<DocumentRegistered, IndexDocumentChanges>();
        services.AddEventHandler<DocumentAssigned, IndexDocumentChanges>();
        services.AddEventHandler<DocumentIssued, IndexDocumentChanges>();
        services.AddEventHandler<DocumentRecalled, IndexDocumentChanges>();
        DeliverIndexingEventsConcurrently(builder);
        services.AddScoped<SearchIndexRebuild>();
        services.AddGrpc();
        return builder;
    }

    /// <summary>
    /// Up to 8 entries of a read batch delivered at once (EventBus:Redis:MaxConcurrentDeliveries),
    /// unless configured otherwise. Safe here: these handlers upsert from the current database row
    /// and keep a recall that came first, so order does not matter; concurrent index calls share
    /// one Lucene commit (GroupCommit) instead of paying one each, about half the service's CPU
    /// per registration. PostgreSQL only: on SQLite each inbox transaction takes the write lock
    /// before its handler runs (BEGIN IMMEDIATE), so deliveries would only queue on it and the
    /// commits would still not be shared.
    /// </summary>
    private static void DeliverIndexingEventsConcurrently(WebApplicationBuilder builder)
    {
        const string key = RedisStreamsOptions.Section + ":" + nameof(RedisStreamsOptions.MaxConcurrentDeliveries);
        if (builder.Configuration[key] is not null) return;
        if (!DatabaseProvider.IsPostgres(builder.Configuration.GetConnectionString("Database"))) return;
        builder.Services.PostConfigure<RedisStreamsOptions>(options => options.MaxConcurrentDeliveries = 8);
    }

    public static AuthenticationHeaderValue? Authorization(ElasticsearchOptions options) =>
        options.ApiKey is { Length: > 0 } key ? new AuthenticationHeaderValue("ApiKey", key)
        : options.Username is { Length: > 0 } user
            ? new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{options.Password}")))
            : null;

    /// <summary>`dotnet Documents.dll search rebuild`: re-indexes from the database, printing progress, then exits.</summary>
    public static async Task<bool> RunSearchCommandAsync(this WebApplication app, string[] args)
    {
        if (args is not ["search", "rebuild", ..]) return false;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            // The service is not started, so its migrator has not run; a fresh database gets its tables here.
            await scope.ServiceProvider.GetRequiredService<DocumentsDbContext>().Database.MigrateAsync();
            var rebuild = scope.ServiceProvider.GetRequiredService<SearchIndexRebuild>();
            await rebuild.RunAsync(line => { Console.WriteLine(line); return Task.CompletedTask; }, CancellationToken.None);
        }
        // Closes the index writer (and its lock) before the process ends.
        await app.DisposeAsync();
        return true;
    }
}
