using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Platform.ServiceDefaults.Events;
using Platform.ServiceDefaults.Events.Outbox;
using Platform.ServiceDefaults.Storage;

namespace Platform.ServiceDefaults.Tests.Support;

/// <summary>Builds a service's Generic Host the way AddServiceDefaults does, with the test's database and settings.</summary>
public static class TestHosts
{
    public const string AppId = "servicedefaults-tests";

    /// <summary>Short timeouts so redelivery and reclaiming happen within a test.</summary>
    public static Dictionary<string, string?> RedisSettings(string consumerGroup) => new()
    {
        ["EventBus:Transport"] = "redis",
        ["EventBus:ConsumerGroup"] = consumerGroup,
        ["EventBus:MaxDeliveryAttempts"] = "3",
        ["EventBus:ProcessingTimeout"] = "00:00:00.500",
        ["EventBus:ReclaimInterval"] = "00:00:00.100",
        ["EventBus:OutboxPollInterval"] = "00:00:00.200",
        ["EventBus:Redis:PollInterval"] = "00:00:00.050",
        ["ConnectionStrings:Redis"] = TestServers.Redis,
    };

    public static IHost Build(
        TestDatabase database,
        IDictionary<string, string?> settings,
        Action<IServiceCollection> configure,
        CapturedLogs? logs = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            DisableDefaults = true,
            EnvironmentName = Environments.Development,
        });
        builder.Configuration.AddInMemoryCollection(settings);
        if (logs is not null) builder.Logging.AddProvider(logs);
        AddServiceParts(builder, database);
        configure(builder.Services);
        return builder.Build();
    }

    /// <summary>ServiceInfo, the database and the event bus: the part of AddServiceDefaults the event bus needs.</summary>
    public static void AddServiceParts(IHostApplicationBuilder builder, TestDatabase database)
    {
        var dataFolder = Path.Combine(Path.GetTempPath(), "servicedefaults-tests", "data");
        builder.Services.AddSingleton(new ServiceInfo(AppId, dataFolder));
        // As AddServiceDatabase does: the commit interceptor is what wakes the dispatcher.
        builder.Services.AddDbContext<TestDbContext>((provider, options) =>
        {
            database.Configure(options);
            options.AddInterceptors(OutboxCommitSignal.For(provider));
        });
        builder.Services.AddScoped<ServiceDbContext>(provider => provider.GetRequiredService<TestDbContext>());
        builder.Services.AddSingleton<HandlerProbe>();
        builder.AddEventBus();
    }
}
