using System.Net;
using Platform.Security.Tests.Endpoints;
using Platform.Security.Tests.Hosting;
using Platform.TestSupport;

namespace Platform.Security.Tests.BadInput;

/// <summary>
/// Every endpoint of every service against the generated hostile corpus, signed in as a user who
/// passes every policy (so the input reaches the handler): no 5xx, every 4xx a ProblemDetails, and
/// a rejected request leaves the database exactly as it was.
/// </summary>
[TestFixtureSource(typeof(PlatformServices), nameof(PlatformServices.Names))]
public sealed class BadInputTests(string service)
{
    private static IEnumerable<DatabaseKind> Databases => DatabaseKinds.All;

    [TestCaseSource(nameof(Databases))]
    public async Task Hostile_requests_get_no_server_error_a_problem_details_and_change_nothing_when_rejected(DatabaseKind database)
    {
        await using var running = PlatformServices.Start(service, database, settings: PlatformServices.NoFeedbackLimit);
        var endpoints = EndpointCatalog.Of(service, running.Services).Where(e => !SharedPlumbing(e)).ToList();
        Assert.That(endpoints, Has.Count.GreaterThan(3), "the catalog found the service's endpoints");
        using var client = running.ClientFor(Everything);
        var failures = new List<string>();
        var sent = 0;
        var before = await Settled(running, null);
        var slowest = new List<(TimeSpan, string)>();
        // Refusals before the handler are the same on both databases; PostgreSQL gets what reaches storage.
        var corpus = endpoints.SelectMany(HostileRequests.For).Where(r => database == DatabaseKind.Sqlite || r.ReachesStorage);
        foreach (var request in corpus)
        {
            var watch = System.Diagnostics.Stopwatch.StartNew();
            using var message = request.ToMessage();
            HttpResponseMessage response;
            try
            {
                response = await client.SendAsync(message);
            }
            catch (Exception exception)
            {
                failures.Add($"{request}: the server threw {exception.GetType().Name}: {exception.Message}");
                before = await Settled(running, null);
                continue;
            }
            sent++;
            using (response)
            {
                var status = (int)response.StatusCode;
                var contentType = response.Content.Headers.ContentType?.MediaType;
                if (status >= 500)
                {
                    failures.Add($"{request}: {status} {Shorten(await response.Content.ReadAsStringAsync())}");
                }
                else if (status >= 400 && contentType != "application/problem+json")
                {
                    failures.Add($"{request}: {status} answered as {contentType ?? "nothing"}, not a ProblemDetails");
                }
                if (status >= 400)
                {
                    var after = await DatabaseSnapshot.TakeAsync(database, running.ConnectionString);
                    var changed = before.ChangedTables(after).ToList();
                    if (changed.Count > 0) failures.Add($"{request}: rejected with {status} but changed {string.Join(", ", changed)}");
                    before = after;
                }
                else
                {
                    before = await Settled(running, before);
                }
            }
            slowest.Add((watch.Elapsed, request.ToString()));
        }
        foreach (var (elapsed, what) in slowest.OrderByDescending(s => s.Item1).Take(8)) TestContext.Out.WriteLine($"{elapsed.TotalMilliseconds:F0} ms {what}");
        TestContext.Out.WriteLine($"{service} on {database}: {endpoints.Count} endpoints, {sent} hostile requests");
        Assert.That(failures, Is.Empty, $"{failures.Count} of {sent} requests failed:\n" + string.Join("\n", failures.Take(60)));
    }

    /// <summary>Someone every policy admits: all roles, the highest clearance.</summary>
    public static readonly TestUser Everything = new("quantri", "VP", "top-secret",
        [.. Platform.ServiceDefaults.Auth.Roles.All, Platform.ServiceDefaults.Auth.Roles.Service]);

    /// <summary>Health and the OpenAPI document: the same code in every service, read-only, covered by ServiceDefaults' tests.</summary>
    public static bool SharedPlumbing(ApiEndpoint endpoint) =>
        endpoint.Route.StartsWith("/health", StringComparison.Ordinal) || endpoint.Route.StartsWith("/openapi", StringComparison.Ordinal);

    /// <summary>
    /// After an accepted request the service's own background work (outbox, consumers) may still
    /// write; wait until two snapshots in a row agree, so that work is not blamed on the next request.
    /// </summary>
    private static async Task<DatabaseSnapshot> Settled(RunningService running, DatabaseSnapshot? previous)
    {
        var current = await DatabaseSnapshot.TakeAsync(running.Database, running.ConnectionString);
        for (var i = 0; i < 40 && (previous is null || previous.ChangedTables(current).Any()); i++)
        {
            await Task.Delay(50);
            previous = current;
            current = await DatabaseSnapshot.TakeAsync(running.Database, running.ConnectionString);
        }
        return current;
    }

    private static string Shorten(string text) => text.Length > 300 ? text[..300] + "…" : text;
}
