using Platform.Contracts;
using Platform.Security.Tests.BadInput;
using Platform.Security.Tests.Endpoints;
using Platform.Security.Tests.Hosting;
using Platform.TestSupport;

namespace Platform.Security.Tests.AccessControl;

/// <summary>
/// Every GET of a service (read from its endpoint data source, so a new read path is swept the day it
/// appears), asked by each caller with every candidate value in its route and the test's values in its
/// query string; each answer goes through a <see cref="LeakWatch"/>.
/// </summary>
public sealed class LeakSweep(RunningService running, LeakWatch watch)
{
    /// <summary>Candidate values of a route parameter; none given: a plausible value.</summary>
    public Func<EndpointInput, IEnumerable<string>?> RouteValues { get; init; } = _ => null;

    /// <summary>The query string value of a parameter, or null to leave it out.</summary>
    public Func<EndpointInput, string?> QueryValue { get; init; } = _ => null;

    public Func<ApiEndpoint, bool> Covers { get; init; } = _ => true;

    /// <summary>Each caller, and the secrecy the swept paths may show them.</summary>
    public async Task RunAsync(IEnumerable<(string Role, TestUser? User, Secrecy MayShow)> callers)
    {
        var gets = EndpointCatalog.Of(running.Name, running.Services)
            .Where(e => e.Method == "GET" && !BadInputTests.SharedPlumbing(e) && Covers(e)).ToList();
        Assert.That(gets, Is.Not.Empty, $"{running.Name} has read paths to sweep");
        var paths = gets.SelectMany(Paths).ToList();
        foreach (var (role, user, mayShow) in callers)
        {
            using var client = running.ClientFor(user);
            foreach (var path in paths)
            {
                using var response = await client.GetAsync(path);
                await watch.InspectAsync(role, "GET " + path, response, mayShow);
            }
        }
    }

    /// <summary>Everyone, and nothing secret may show to anyone (the portal, the gazette, reports, the exchange).</summary>
    public Task RunForEveryoneAsync(params (string Role, TestUser? User)[] more) =>
        RunAsync(Principals.All.Select(p => (p.Key, p.Value)).Concat(more).Select(p => (p.Item1, p.Item2, Secrecy.None)));

    private IEnumerable<string> Paths(ApiEndpoint endpoint)
    {
        var routes = endpoint.Of(InputSource.Route).ToList();
        IEnumerable<Dictionary<string, string>> combinations = [new()];
        foreach (var route in routes)
        {
            var values = RouteValues(route)?.ToList() is { Count: > 0 } given ? given : [HostileRequests.PlausibleRouteValue(route)];
            combinations = combinations.SelectMany(c => values.Select(v => new Dictionary<string, string>(c) { [route.Name] = v }));
        }
        var query = string.Join('&', endpoint.Of(InputSource.Query)
            .Select(q => (q.Name, Value: QueryValue(q))).Where(q => q.Value is not null)
            .Select(q => $"{q.Name}={Uri.EscapeDataString(q.Value!)}"));
        foreach (var combination in combinations)
        {
            var path = endpoint.PathWith(input => Uri.EscapeDataString(combination[input.Name]));
            yield return query.Length == 0 ? path : $"{path}?{query}";
        }
    }
}
