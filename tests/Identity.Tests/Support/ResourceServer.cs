using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using OpenIddict.Validation.AspNetCore;

namespace Platform.Identity.Tests.Support;

/// <summary>
/// A small API that trusts the realm the way the platform's services do: OpenIddict validation with
/// issuer discovery over HTTP, audience platform-api. Its clock can be moved to see expiry.
/// </summary>
public sealed class ResourceServer : IAsyncDisposable
{
    private readonly WebApplication app;

    private ResourceServer(WebApplication app, HttpClient client)
    {
        this.app = app;
        Client = client;
    }

    public HttpClient Client { get; }

    public static async Task<ResourceServer> StartAsync(string issuer, TimeProvider? clock = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        if (clock is not null) builder.Services.AddSingleton(clock);
        builder.Services.AddOpenIddict().AddValidation(options =>
        {
            options.SetIssuer(issuer);
            options.AddAudiences("platform-api");
            options.UseSystemNetHttp();
            options.UseAspNetCore();
        });
        builder.Services.AddAuthentication(OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme);
        builder.Services.AddAuthorization();

        var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapGet("/whoami", (ClaimsPrincipal user) => new
        {
            sub = user.FindFirst("sub")?.Value,
            unit = user.FindFirst("unit")?.Value,
            clearance = user.FindFirst("clearance")?.Value,
        }).RequireAuthorization();
        await app.StartAsync();
        return new ResourceServer(app, app.GetTestClient());
    }

    public async Task<HttpResponseMessage> WhoAmI(string accessToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/whoami");
        request.Headers.Authorization = new("Bearer", accessToken);
        return await Client.SendAsync(request);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await app.DisposeAsync();
    }
}

/// <summary>A clock that runs a fixed offset ahead of the real one.</summary>
public sealed class ShiftedClock(TimeSpan offset) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + offset;
}
