using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Platform.ServiceDefaults.Events.InMemory;

namespace Platform.TestSupport;

/// <summary>
/// A domain service in memory on SQLite or PostgreSQL, with the in-memory event bus and
/// test sign-in. Tests that need Redis or real tokens start real processes instead.
/// </summary>
public class ServiceFactory<TProgram>(DatabaseKind database, string appId) : WebApplicationFactory<TProgram>
    where TProgram : class
{
    public InMemoryEventBroker Broker { get; } = new();
    public string DataFolder { get; } = TestServers.TempFolder(appId);
    public string ConnectionString { get; } = database.NewConnectionString(appId);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("DataFolder", DataFolder);
        builder.UseSetting("ConnectionStrings:Database", ConnectionString);
        builder.UseSetting("EventBus:Transport", "inmemory");
        builder.UseSetting("EventBus:OutboxPollInterval", "00:00:00.200");
        builder.UseSetting("Identity:Issuer", "http://127.0.0.1:9/realms/platform");
        builder.ConfigureServices(services =>
        {
            services.AddSingleton(Broker);
            services.AddAuthentication(TestUserAuthenticationHandler.SchemeName)
                .AddScheme<AuthenticationSchemeOptions, TestUserAuthenticationHandler>(TestUserAuthenticationHandler.SchemeName, null);
            services.PostConfigure<AuthenticationOptions>(options =>
            {
                options.DefaultScheme = TestUserAuthenticationHandler.SchemeName;
                options.DefaultAuthenticateScheme = TestUserAuthenticationHandler.SchemeName;
                options.DefaultChallengeScheme = TestUserAuthenticationHandler.SchemeName;
                options.DefaultForbidScheme = TestUserAuthenticationHandler.SchemeName;
            });
        });
    }

    public HttpClient ClientFor(TestUser? user)
    {
        var client = CreateClient();
        user?.SignIn(client);
        return client;
    }
}
