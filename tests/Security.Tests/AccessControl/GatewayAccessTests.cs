extern alias gateway;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Platform.Security.Tests.BadInput;
using Platform.Security.Tests.BruteForce;
using Platform.Security.Tests.Endpoints;
using Platform.ServiceDefaults.Auth;

namespace Platform.Security.Tests.AccessControl;

/// <summary>
/// The gateway's edge, with real tokens of the realm's users: every route (YARP's and its own, read
/// from its endpoint data source) answers each role as its policy says before anything is forwarded;
/// the backends are unreachable here, so an admitted call ends in 502 or 503, a refused one in 401 or 403.
/// </summary>
public sealed class GatewayAccessTests
{
    [Test]
    public async Task Every_gateway_route_answers_every_role_as_its_policy_says()
    {
        var (realm, shortLived, otherRealm) = RealTokenTests.Servers.Value;
        await using var gateway = new Gateway(realm.Issuer);
        var endpoints = EndpointCatalog.Of("gateway", gateway.Services).Where(e => !BadInputTests.SharedPlumbing(e)).ToList();
        Assert.That(endpoints.Select(e => e.Route), Does.Contain("/api/documents/{rest}"));

        var tokens = new Dictionary<string, string?> { ["anonymous"] = null };
        using (var http = realm.Browser())
        {
            foreach (var (role, user) in Principals.RealmUsers) tokens[role] = (await RealmLogin.PasswordGrantAsync(http, user, RealmLogin.Password)).AccessToken;
            using var form = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials", ["client_id"] = "reporting", ["client_secret"] = "reporting-secret-dev",
            });
            using var response = await http.PostAsync("realms/platform/protocol/openid-connect/token", form);
            tokens[Roles.Service] = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("access_token").GetString();
        }
        using (var http = otherRealm.Browser()) tokens["other issuer"] = (await RealmLogin.PasswordGrantAsync(http, "quantri", RealmLogin.Password)).AccessToken;

        var wrong = new List<string>();
        using var client = gateway.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        foreach (var (caller, token) in tokens)
        {
            var user = caller == "other issuer" ? null : Principals.All[caller];
            foreach (var endpoint in endpoints)
            {
                var admitted = await EndpointPolicy.AdmitsAsync(endpoint, gateway.Services, user);
                var path = endpoint.PathWith(input => input.Name == "rest" ? "x" : HostileRequests.PlausibleRouteValue(input));
                using var message = new HttpRequestMessage(new HttpMethod(endpoint.Method), path);
                if (token is not null) message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                using var response = await client.SendAsync(message);
                var status = response.StatusCode;
                var ok = admitted ? status is not HttpStatusCode.Unauthorized and not HttpStatusCode.Forbidden
                    : status == (user is null ? HttpStatusCode.Unauthorized : HttpStatusCode.Forbidden);
                if (!ok) wrong.Add($"{caller} {endpoint.Method} {path}: expected {(admitted ? "admitted" : user is null ? "401" : "403")}, got {(int)status}");
            }
        }
        TestContext.Out.WriteLine($"gateway: {endpoints.Count} routes x {tokens.Count} callers");
        Assert.That(wrong, Is.Empty, string.Join("\n", wrong));
    }

    /// <summary>The gateway in memory, trusting the realm, in front of backends that do not answer.</summary>
    private sealed class Gateway(Uri issuer) : WebApplicationFactory<gateway::Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
            // Every admitted call fails to reach its backend, by design; YARP would log each one.
            builder.UseSetting("Logging:LogLevel:Yarp", "None");
            builder.UseSetting("Identity:Issuer", issuer.AbsoluteUri);
            builder.UseSetting("Gateway:RequestsPerMinute", "1000000");
            foreach (var name in new[] { "documents", "tasks", "portal", "gazette", "reporting" })
                builder.UseSetting($"Services:{name}", "http://127.0.0.1:9/");
        }
    }
}
