extern alias documents;
extern alias tasks;
extern alias portal;
extern alias gazette;
extern alias reporting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Platform.TestSupport;

namespace Platform.Security.Tests.Hosting;

/// <summary>The five domain services, each startable in memory on either database with test sign-in.</summary>
public static class PlatformServices
{
    public static readonly string[] Names = ["documents", "tasks", "portal", "gazette", "reporting"];

    public static RunningService Start(string name, DatabaseKind database) => name switch
    {
        "documents" => RunningService.From(name, database, new QuietHost<documents::Program>(database, name)),
        "tasks" => RunningService.From(name, database, new TasksHost(database)),
        "portal" => RunningService.From(name, database, new QuietHost<portal::Program>(database, name)),
        "gazette" => RunningService.From(name, database, new QuietHost<gazette::Program>(database, name)),
        "reporting" => RunningService.From(name, database, new QuietHost<reporting::Program>(database, name)),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "not a domain service"),
    };

    /// <summary>Tasks co-hosts an Orleans silo; it keeps grain state in the test Redis under a service id of its own.</summary>
    private sealed class TasksHost(DatabaseKind database) : QuietHost<tasks::Program>(database, "tasks")
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("ConnectionStrings:Redis", TestServers.Redis);
            builder.UseSetting("Silo:ServiceId", "security-test-" + Guid.NewGuid().ToString("N"));
        }
    }
}

/// <summary>A service host that logs warnings only: thousands of hostile requests would otherwise drown the test output.</summary>
public class QuietHost<TProgram>(DatabaseKind database, string appId) : ServiceFactory<TProgram>(database, appId)
    where TProgram : class
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore", "Error");
    }
}

/// <summary>One started service: its container, clients signed in as anyone, and its database.</summary>
public sealed class RunningService : IAsyncDisposable
{
    private readonly IAsyncDisposable owner;
    private readonly Func<HttpClient> createClient;

    private RunningService(string name, DatabaseKind database, string connectionString, IServiceProvider services,
        Func<HttpClient> createClient, IAsyncDisposable owner)
    {
        Name = name;
        Database = database;
        ConnectionString = connectionString;
        Services = services;
        this.createClient = createClient;
        this.owner = owner;
    }

    public string Name { get; }
    public DatabaseKind Database { get; }
    public string ConnectionString { get; }
    public IServiceProvider Services { get; }

    public static RunningService From<TProgram>(string name, DatabaseKind database, ServiceFactory<TProgram> factory)
        where TProgram : class =>
        new(name, database, factory.ConnectionString, factory.Services,
            () => factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }), factory);

    public HttpClient ClientFor(TestUser? user)
    {
        var client = createClient();
        user?.SignIn(client);
        return client;
    }

    public ValueTask DisposeAsync() => owner.DisposeAsync();

    public override string ToString() => $"{Name} on {Database}";
}
