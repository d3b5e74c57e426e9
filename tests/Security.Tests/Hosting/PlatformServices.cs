extern alias documents;
extern alias tasks;
extern alias portal;
extern alias gazette;
extern alias reporting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using OpenIddict.Validation.AspNetCore;
using Microsoft.AspNetCore.Mvc.Testing;
using Platform.TestSupport;

namespace Platform.Security.Tests.Hosting;

/// <summary>The five domain services, each startable in memory on either database with test sign-in.</summary>
public static class PlatformServices
{
    public static readonly string[] Names = ["documents", "tasks", "portal", "gazette", "reporting"];

    /// <summary>Starts a service with test sign-in, or, given a realm's issuer, validating that realm's real tokens instead.</summary>
    public static RunningService Start(string name, DatabaseKind database, Uri? issuer = null) => name switch
    {
        "documents" => RunningService.From(name, database, new QuietHost<documents::Program>(database, name, issuer)),
        "tasks" => RunningService.From(name, database, new TasksHost(database, issuer)),
        "portal" => RunningService.From(name, database, new QuietHost<portal::Program>(database, name, issuer)),
        "gazette" => RunningService.From(name, database, new QuietHost<gazette::Program>(database, name, issuer)),
        "reporting" => RunningService.From(name, database, new QuietHost<reporting::Program>(database, name, issuer)),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "not a domain service"),
    };

    /// <summary>Tasks co-hosts an Orleans silo; it keeps grain state in the test Redis under a service id of its own.</summary>
    private sealed class TasksHost(DatabaseKind database, Uri? issuer) : QuietHost<tasks::Program>(database, "tasks", issuer)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("ConnectionStrings:Redis", TestServers.Redis);
            builder.UseSetting("Silo:ServiceId", "security-test-" + Guid.NewGuid().ToString("N"));
        }
    }
}

/// <summary>
/// A service host that logs warnings only (thousands of hostile requests would otherwise drown the
/// test output) and, given an issuer, authenticates with the service's own token validation.
/// </summary>
public class QuietHost<TProgram>(DatabaseKind database, string appId, Uri? issuer = null) : ServiceFactory<TProgram>(database, appId)
    where TProgram : class
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore", "Error");
        if (issuer is null) return;
        builder.UseSetting("Identity:Issuer", issuer.AbsoluteUri);
        // Registered after the test scheme's, so the real validation is the default again.
        builder.ConfigureServices(services => services.PostConfigure<AuthenticationOptions>(options =>
        {
            options.DefaultScheme = OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme;
            options.DefaultAuthenticateScheme = OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme;
            options.DefaultChallengeScheme = OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme;
            options.DefaultForbidScheme = OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme;
        }));
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
