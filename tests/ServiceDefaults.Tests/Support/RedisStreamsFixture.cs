using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Platform.ServiceDefaults.Events;
using StackExchange.Redis;

namespace Platform.ServiceDefaults.Tests.Support;

/// <summary>
/// What every Redis Streams test fixture needs: a real Redis, a database of the given provider,
/// a topic and consumer group per test, and hosts that are stopped and streams that are deleted
/// after each test.
/// </summary>
public abstract class RedisStreamsFixture(string provider)
{
    private readonly List<string> _topics = [];
    private readonly List<IHost> _hosts = [];
    private ConnectionMultiplexer _redis = null!;

    protected TestDatabase Database { get; } = new(provider);

    protected IDatabase Redis => _redis.GetDatabase();

    [OneTimeSetUp]
    public async Task CreateDatabaseAndConnect()
    {
        _redis = await ConnectionMultiplexer.ConnectAsync(TestServers.Redis);
        await Database.CreateAsync();
    }

    [OneTimeTearDown]
    public async Task DropDatabaseAndDisconnect()
    {
        await Database.DropAsync();
        if (_redis is not null) await _redis.DisposeAsync();
    }

    [TearDown]
    public async Task StopHostsAndDeleteStreams()
    {
        foreach (var host in _hosts)
        {
            await host.StopAsync();
            host.Dispose();
        }
        _hosts.Clear();
        foreach (var topic in _topics)
        {
            await Redis.KeyDeleteAsync([topic, EventTopics.DeadLetterOf(topic)]);
        }
        _topics.Clear();
    }

    protected (string Topic, string Group) NewTopicAndGroup(string purpose)
    {
        var topic = TestSubscriptions.UniqueTopic(purpose);
        _topics.Add(topic);
        return (topic, $"group-{Guid.NewGuid():N}");
    }

    /// <summary>A host consuming as <paramref name="group"/>; <paramref name="settings"/> adds to or overrides the test defaults.</summary>
    protected async Task<IHost> StartHostAsync(string group, Action<IServiceCollection> configure, CapturedLogs? logs = null,
        IReadOnlyDictionary<string, string?>? settings = null)
    {
        var all = TestHosts.RedisSettings(group);
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) all[key] = value;
        var host = TestHosts.Build(Database, all, configure, logs);
        _hosts.Add(host);
        await host.StartAsync();
        return host;
    }
}
