using System.Net;
using Platform.Security.Tests.BadInput;
using Platform.Security.Tests.Endpoints;
using Platform.Security.Tests.Hosting;
using Platform.TestSupport;

namespace Platform.Security.Tests.AccessControl;

/// <summary>
/// Every endpoint of every service against every role, a service account and anonymous: the
/// answer is what the endpoint's authorization metadata says (401 for anonymous, 403 for a role
/// outside the policy, anything but those for a role inside it). The hand-written table below
/// pins the critical cases, so a policy that quietly let everyone in would still fail. The staff
/// console's pages take no header or token, only the console's own session: each realm role signs in
/// through the realm's login page and asks them with its session (the service account has none, so it
/// is answered as anonymous is).
/// </summary>
[TestFixtureSource(typeof(PlatformServices), nameof(PlatformServices.Names))]
public sealed class AccessMatrixTests(string service)
{
    private RunningService running = null!;
    private IReadOnlyList<ApiEndpoint> endpoints = null!;
    private readonly Dictionary<string, HttpClient> consoleSessions = [];

    [OneTimeSetUp]
    public async Task Start()
    {
        running = PlatformServices.Start(service, DatabaseKind.Sqlite);
        endpoints = EndpointCatalog.Of(service, running.Services).Where(e => !BadInputTests.SharedPlumbing(e)).ToList();
        if (!endpoints.Any(e => e.IsStaffConsolePage)) return;
        foreach (var (role, username) in Principals.RealmUsers)
        {
            consoleSessions[role] = await StaffConsoleSession.SignInAsync(running, SharedRealm.Server, username);
        }
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        foreach (var session in consoleSessions.Values) session.Dispose();
        await running.DisposeAsync();
    }

    [Test]
    public async Task Every_endpoint_answers_every_caller_as_its_policy_says()
    {
        var wrong = new List<string>();
        var denied = 0;
        var consolePages = 0;
        using var anonymous = running.ClientFor(null);
        foreach (var (role, headerUser) in Principals.All)
        {
            using var headerClient = running.ClientFor(headerUser);
            foreach (var endpoint in endpoints)
            {
                var user = headerUser;
                var client = headerClient;
                if (endpoint.IsStaffConsolePage && user is not null)
                {
                    if (consoleSessions.TryGetValue(role, out var session)) (client, consolePages) = (session, consolePages + 1);
                    else (client, user) = (anonymous, null);
                }
                var admitted = await EndpointPolicy.AdmitsAsync(endpoint, running.Services, user);
                using var message = HostileRequests.Plausible(endpoint).ToMessage();
                using var response = await client.SendAsync(message);
                var status = response.StatusCode;
                var refusal = Refusal.Expected(endpoint, user is not null);
                var expected = admitted ? "admitted" : ((int)refusal).ToString();
                var ok = admitted ? Refusal.Of(response) is null : Refusal.Of(response) == refusal;
                if (!admitted) denied++;
                if (!ok) wrong.Add($"{role} {endpoint}: expected {expected}, got {(int)status}");
            }
        }
        TestContext.Out.WriteLine($"{service}: {endpoints.Count} endpoints x {Principals.All.Count} callers, {denied} denials expected");
        Assert.That(wrong, Is.Empty, string.Join("\n", wrong));
        Assert.That(denied, Is.GreaterThan(0), "some caller is refused somewhere");
        if (consoleSessions.Count > 0) Assert.That(consolePages, Is.GreaterThan(0), "the console's pages were asked with real sessions");
    }

    [Test]
    public async Task The_critical_expectations_hold_and_name_endpoints_that_exist()
    {
        var rows = CriticalExpectations.Table.Where(r => r.Service == service).ToList();
        Assert.That(rows, Is.Not.Empty);
        var wrong = new List<string>();
        foreach (var row in rows)
        {
            var endpoint = endpoints.SingleOrDefault(e => e.Method == row.Method && e.Route == row.Route);
            if (endpoint is null)
            {
                wrong.Add($"{row}: no such endpoint (renamed? update the table)");
                continue;
            }
            using var client = running.ClientFor(Principals.All[row.Caller]);
            using var message = HostileRequests.Plausible(endpoint).ToMessage();
            using var response = await client.SendAsync(message);
            var status = (int)response.StatusCode;
            var ok = row.Expected switch
            {
                CriticalExpectations.Admitted => status is not 401 and not 403 and < 500,
                var code => status == code,
            };
            if (!ok) wrong.Add($"{row}: got {status}");
        }
        Assert.That(wrong, Is.Empty, string.Join("\n", wrong));
    }
}
