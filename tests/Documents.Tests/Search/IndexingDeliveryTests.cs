using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Platform.ServiceDefaults.Events.Redis;
using Platform.TestSupport;

namespace Platform.Documents.Tests.Search;

/// <summary>
/// How many events the Documents service takes at once from a Redis Streams read: several on
/// PostgreSQL (its index handlers share Lucene commits), one on SQLite (the inbox's write lock
/// would only queue them), and whatever the operator configured wins on either. The service is
/// built as production builds it, on the Redis transport, but not started.
/// </summary>
[TestFixtureSource(typeof(DatabaseKinds), nameof(DatabaseKinds.All))]
public sealed class IndexingDeliveryTests(DatabaseKind database)
{
    [Test]
    public async Task Events_are_delivered_concurrently_only_on_PostgreSQL_by_default() =>
        Assert.That(await ConcurrentDeliveriesAsync(configured: null), Is.EqualTo(database == DatabaseKind.Postgres ? 8 : 1));

    [Test]
    public async Task A_configured_value_wins() =>
        Assert.That(await ConcurrentDeliveriesAsync(configured: "3"), Is.EqualTo(3));

    private async Task<int> ConcurrentDeliveriesAsync(string? configured)
    {
        var builder = WebApplication.CreateBuilder();
        var settings = new Dictionary<string, string?>
        {
            ["DataFolder"] = TestServers.TempFolder("documents"),
            ["ConnectionStrings:Database"] = database.NewConnectionString("documents"),
            ["ConnectionStrings:Redis"] = TestServers.Redis,
            ["EventBus:Transport"] = "redis",
            ["Identity:Issuer"] = "http://127.0.0.1:9/realms/platform",
        };
        if (configured is not null) settings[RedisStreamsOptions.Section + ":" + nameof(RedisStreamsOptions.MaxConcurrentDeliveries)] = configured;
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddDocumentsService();
        await using var app = builder.Build();
        return app.Services.GetRequiredService<IOptions<RedisStreamsOptions>>().Value.MaxConcurrentDeliveries;
    }
}
