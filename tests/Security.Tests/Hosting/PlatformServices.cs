extern alias documents;
extern alias tasks;
extern alias portal;
extern alias gazette;
extern alias reporting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
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
    public static RunningService Start(string name, DatabaseKind database, Uri? issuer = null, IReadOnlyDictionary<string, string>? settings = null) =>
        Start(name, database, issuer, listen: false, settings);

    /// <summary>The portal's per-address feedback limit raised, so that a corpus of posts reaches the form's handler instead of a 429.</summary>
    public static readonly IReadOnlyDictionary<string, string> NoFeedbackLimit = new Dictionary<string, string> { ["Portal:Feedback:PermitLimit"] = "1000000" };

    /// <summary>The same on a real loopback port, for tools outside the process (sqlmap).</summary>
    public static RunningService Listen(string name, DatabaseKind database, IReadOnlyDictionary<string, string>? settings = null) =>
        Start(name, database, null, listen: true, settings);

    private static RunningService Start(string name, DatabaseKind database, Uri? issuer, bool listen, IReadOnlyDictionary<string, string>? settings = null) => name switch
    {
        "documents" => RunningService.From(name, database, new QuietHost<documents::Program>(database, name, issuer, settings), listen),
        "tasks" => RunningService.From(name, database, new TasksHost(database, issuer, settings), listen),
        "portal" => RunningService.From(name, database, new QuietHost<portal::Program>(database, name, issuer, WithStaffConsoleRealm(settings)), listen),
        "gazette" => RunningService.From(name, database, new QuietHost<gazette::Program>(database, name, issuer, settings), listen),
        "reporting" => RunningService.From(name, database, new QuietHost<reporting::Program>(database, name, issuer, settings), listen),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "not a domain service"),
    };

    /// <summary>
    /// The portal's staff console signs people in through the shared realm, as in a real run: the sign-in
    /// link redirects to its login page, and a test can hold a real console session (<see cref="StaffConsoleSession"/>).
    /// The session lives in the test Redis; cookies are not Secure, as the in-memory host is plain http://localhost.
    /// </summary>
    private static Dictionary<string, string> WithStaffConsoleRealm(IReadOnlyDictionary<string, string>? settings)
    {
        var realmFile = Platform.AppHost.DevelopmentRealm.FilePath(Platform.AppHost.LaunchSettings.FindRepositoryRoot(AppContext.BaseDirectory));
        var all = new Dictionary<string, string>
        {
            ["Identity:Issuer"] = SharedRealm.Server.Issuer.AbsoluteUri,
            ["Identity:ClientId"] = "portal",
            ["Identity:ClientSecret"] = Platform.AppHost.DevelopmentRealm.ClientSecret(realmFile, "portal") ?? "",
            ["Staff:PublicUrl"] = StaffConsoleSession.PortalAddress.AbsoluteUri,
            ["Staff:SecureCookies"] = "false",
            ["ConnectionStrings:Redis"] = TestServers.Redis,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) all[key] = value;
        return all;
    }

    /// <summary>Tasks co-hosts an Orleans silo; it keeps grain state in the test Redis under a service id of its own.</summary>
    private sealed class TasksHost(DatabaseKind database, Uri? issuer, IReadOnlyDictionary<string, string>? settings)
        : QuietHost<tasks::Program>(database, "tasks", issuer, settings)
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
public class QuietHost<TProgram>(DatabaseKind database, string appId, Uri? issuer = null, IReadOnlyDictionary<string, string>? settings = null)
    : ServiceFactory<TProgram>(database, appId)
    where TProgram : class
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore", "Error");
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) builder.UseSetting(key, value);
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
    private readonly Func<HttpMessageHandler> createHandler;

    private RunningService(string name, DatabaseKind database, string connectionString, IServiceProvider services,
        Func<HttpClient> createClient, Func<HttpMessageHandler> createHandler, IAsyncDisposable owner)
    {
        this.createHandler = createHandler;
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

    /// <summary>The in-memory event bus it subscribes on, to feed it other services' events.</summary>
    public Platform.ServiceDefaults.Events.InMemory.InMemoryEventBroker Broker { get; private init; } = null!;

    /// <summary>Where it listens, when started on a real port.</summary>
    public Uri? BaseAddress { get; private init; }

    public static RunningService From<TProgram>(string name, DatabaseKind database, ServiceFactory<TProgram> factory, bool listen = false)
        where TProgram : class
    {
        if (!listen)
        {
            return new(name, database, factory.ConnectionString, factory.Services,
                () => factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }),
                () => factory.Server.CreateHandler(), factory) { Broker = factory.Broker };
        }
        factory.UseKestrel(options => options.Listen(System.Net.IPAddress.Loopback, 0));
        factory.StartServer();
        var address = new Uri(factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/");
        return new(name, database, factory.ConnectionString, factory.Services,
            () => new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = address },
            () => new SocketsHttpHandler(), factory) { BaseAddress = address, Broker = factory.Broker };
    }

    public HttpClient ClientFor(TestUser? user)
    {
        var client = createClient();
        user?.SignIn(client);
        return client;
    }

    /// <summary>A gRPC channel to the service (its HTTP/2 endpoints share the host), for its query services.</summary>
    public Grpc.Net.Client.GrpcChannel GrpcChannel() =>
        Grpc.Net.Client.GrpcChannel.ForAddress(BaseAddress ?? new Uri("http://localhost"), new Grpc.Net.Client.GrpcChannelOptions { HttpHandler = createHandler() });

    public ValueTask DisposeAsync() => owner.DisposeAsync();

    public override string ToString() => $"{Name} on {Database}";
}
