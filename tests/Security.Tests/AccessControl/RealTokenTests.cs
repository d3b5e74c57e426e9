using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Platform.Security.Tests.BadInput;
using Platform.Security.Tests.BruteForce;
using Platform.Security.Tests.Endpoints;
using Platform.Security.Tests.Hosting;
using Platform.TestSupport;

namespace Platform.Security.Tests.AccessControl;

/// <summary>
/// The matrix with real JWTs from services/Identity, against each service's own token validation:
/// a token from another issuer (another realm), an expired one and a forged one are 401 on every
/// endpoint that is not public; the realm's own token is answered as the endpoint's policy says.
/// </summary>
[TestFixtureSource(typeof(PlatformServices), nameof(PlatformServices.Names))]
public sealed class RealTokenTests(string service)
{
    // The shared realm and its look-alikes, for all five fixtures: an identity server takes seconds to start.
    public static readonly Lazy<(IdentityServer Realm, IdentityServer ShortLived, IdentityServer OtherRealm)> Servers = new(() =>
    {
        var realm = SharedRealm.Server;
        // Same keys and issuer as the realm, but its tokens live a few seconds.
        var shortLived = SharedRealm.Start(realm.DataFolder, settings: new Dictionary<string, string?>
        {
            ["Identity:PublicUrl"] = realm.BaseAddress.AbsoluteUri,
            ["Identity:AccessTokenLifetime"] = ShortLifetimeSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        return (realm, shortLived, SharedRealm.Start());
    });

    public static async Task StopServersAsync()
    {
        if (!Servers.IsValueCreated) return;
        await Servers.Value.ShortLived.DisposeAsync();
        await Servers.Value.OtherRealm.DisposeAsync();
    }
    private RunningService running = null!;
    private readonly Dictionary<string, string> tokens = [];

    [OneTimeSetUp]
    public async Task Start()
    {
        var (realm, shortLived, otherRealm) = Servers.Value;
        using (var http = realm.Browser()) tokens["realm"] = (await RealmLogin.PasswordGrantAsync(http, "vanthu", RealmLogin.Password)).AccessToken!;
        using (var http = otherRealm.Browser()) tokens["other issuer"] = (await RealmLogin.PasswordGrantAsync(http, "vanthu", RealmLogin.Password)).AccessToken!;
        tokens["forged"] = Forge(tokens["realm"]);
        running = PlatformServices.Start(service, DatabaseKind.Sqlite, realm.Issuer);
        if (expired is null)
        {
            // Taken once for all fixtures. While it lives it is accepted, so its later refusal is down to expiry alone.
            using var http = shortLived.Browser();
            expired = (await RealmLogin.PasswordGrantAsync(http, "vanthu", RealmLogin.Password)).AccessToken!;
            expiredObtained = DateTimeOffset.UtcNow;
            using var client = running.ClientFor(null);
            var guarded = Endpoints().First(e => !EndpointPolicy.AdmitsAsync(e, running.Services, null).GetAwaiter().GetResult());
            using var fresh = await SendAsync(client, guarded, expired);
            freshShortLivedStatus = fresh.StatusCode;
        }
        tokens["expired"] = expired;
        var wait = expiredObtained + TimeSpan.FromSeconds(ShortLifetimeSeconds + 1) - DateTimeOffset.UtcNow;
        if (wait > TimeSpan.Zero) await Task.Delay(wait);
    }

    private static string? expired;
    private static DateTimeOffset expiredObtained;
    private static HttpStatusCode freshShortLivedStatus;

    private const int ShortLifetimeSeconds = 3;

    [Test]
    public void The_short_lived_token_was_accepted_before_it_expired() =>
        Assert.That(freshShortLivedStatus, Is.Not.EqualTo(HttpStatusCode.Unauthorized));

    [OneTimeTearDown]
    public async Task Stop() => await running.DisposeAsync();

    [TestCase("other issuer")]
    [TestCase("expired")]
    [TestCase("forged")]
    public async Task A_token_the_realm_did_not_issue_or_that_expired_is_refused_everywhere_but_public_endpoints(string kind)
    {
        var wrong = new List<string>();
        var checkedEndpoints = 0;
        using var client = running.ClientFor(null);
        foreach (var endpoint in Endpoints())
        {
            // A public endpoint (AllowAnonymous, or no policy at all, as the portal's pages) treats any caller as anonymous.
            if (await EndpointPolicy.AdmitsAsync(endpoint, running.Services, null)) continue;
            checkedEndpoints++;
            using var response = await SendAsync(client, endpoint, tokens[kind]);
            if (Refusal.Of(response) != HttpStatusCode.Unauthorized) wrong.Add($"{endpoint}: {(int)response.StatusCode}");
        }
        Assert.That(checkedEndpoints, Is.GreaterThan(0));
        Assert.That(wrong, Is.Empty, string.Join("\n", wrong));
    }

    [Test]
    public async Task The_realms_own_token_is_answered_as_the_policy_says()
    {
        var wrong = new List<string>();
        using var client = running.ClientFor(null);
        foreach (var endpoint in Endpoints())
        {
            // The console's pages take only the console's own session: a bearer token there is no sign-in at all.
            var admitted = await EndpointPolicy.AdmitsAsync(endpoint, running.Services, endpoint.IsStaffConsolePage ? null : TestUser.Clerk);
            using var response = await SendAsync(client, endpoint, tokens["realm"]);
            var status = response.StatusCode;
            var refusal = Refusal.Expected(endpoint, signedIn: !endpoint.IsStaffConsolePage);
            var ok = admitted ? Refusal.Of(response) is null : Refusal.Of(response) == refusal;
            if (!ok) wrong.Add($"{endpoint}: expected {(admitted ? "admitted" : ((int)refusal).ToString())}, got {(int)status}");
        }
        Assert.That(wrong, Is.Empty, string.Join("\n", wrong));
    }

    private IEnumerable<ApiEndpoint> Endpoints() =>
        EndpointCatalog.Of(service, running.Services).Where(e => !BadInputTests.SharedPlumbing(e));

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, ApiEndpoint endpoint, string token)
    {
        using var message = HostileRequests.Plausible(endpoint).ToMessage();
        message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await client.SendAsync(message);
    }

    /// <summary>The realm's token with its payload changed to claim the administrator role; the signature no longer matches.</summary>
    private static string Forge(string jwt)
    {
        var parts = jwt.Split('.');
        var payload = Encoding.UTF8.GetString(Convert.FromBase64String(Pad(parts[1].Replace('-', '+').Replace('_', '/'))));
        var forged = payload.Replace("\"clerk\"", "\"administrator\"", StringComparison.Ordinal);
        Assert.That(forged, Is.Not.EqualTo(payload), "the token carries the clerk role to rewrite");
        parts[1] = Convert.ToBase64String(Encoding.UTF8.GetBytes(forged)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return string.Join('.', parts);
    }

    private static string Pad(string base64) => base64 + new string('=', (4 - base64.Length % 4) % 4);
}
