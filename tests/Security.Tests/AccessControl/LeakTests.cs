using System.Net.Http.Json;
using System.Text.Json;
using Platform.Contracts;
using Platform.Security.Tests.Hosting;
using Platform.TestSupport;

namespace Platform.Security.Tests.AccessControl;

/// <summary>
/// Secret documents never reach the portal or the gazette (DOMAIN.md section 1), and reports count them
/// without ever showing their text. Documents at every secrecy level are registered, directed (with the
/// task the direction made) and issued wrongly marked public and legal normative, next to a public control;
/// once the service has handled the control, every GET of the service, asked by every caller with the
/// secret ids in its route (and, for reports, the seeded period in the query), must not carry their text:
/// not the pages, not the JSON, not the printable report, not the workbook, not a signed snapshot; nor may
/// the service's own database files hold it (Reporting keeps every event it consumed, and is cleared for none).
/// (tests/Documents.Tests has the leak test across the Documents service's own REST, search and gRPC;
/// <see cref="ExchangeLeakTests"/> the exchange packages; <see cref="TaskQueryLeakTests"/> the Tasks service.)
/// </summary>
[TestFixture("portal")]
[TestFixture("gazette")]
[TestFixture("reporting")]
public sealed class LeakTests(string service)
{
    [Test]
    public async Task No_secret_document_or_its_text_appears_on_any_read_path_for_anyone()
    {
        await using var running = PlatformServices.Start(service, DatabaseKind.Sqlite);
        var run = Guid.NewGuid().ToString("N")[..8];
        // Reports sign only closed periods: the seeded documents belong to last year's.
        var at = service == "reporting" ? new DateTimeOffset(DateTime.UtcNow.Year - 1, 6, 2, 3, 0, 0, TimeSpan.Zero) : DateTimeOffset.UtcNow;
        var (secrets, control) = SecretSeed.Set(run, at);
        var watch = new LeakWatch();
        foreach (var secret in secrets)
        {
            watch.Watch(secret.Level, [.. secret.Texts, "mật " + secret.Level]);
            await secret.PublishAsync(running.Broker);
        }
        await control.PublishAsync(running.Broker);

        var snapshots = await HandledAsync(running, control, at.Year);
        var guids = secrets.SelectMany(s => new[] { s.Registered.DocumentId, s.Issued.DocumentId, s.Task.TaskId }).Select(id => id.ToString()).ToList();
        await new LeakSweep(running, watch)
        {
            RouteValues = input => input.Constraint == "guid" || input.ValueType == typeof(Guid) ? guids
                : input.ValueType == typeof(long) && snapshots.Count > 0 ? snapshots : null,
            QueryValue = input => ReportQuery(input.Name, at.Year),
        }.RunForEveryoneAsync();
        watch.Inspect(service, "database files", StoredText(running));
        watch.AssertNone(service);
    }

    /// <summary>
    /// Waits until the service has handled the seeds; for reports, until every seeded document and task is
    /// counted (so the secrets are in the figures the sweep reads), then signs last year's report for the
    /// province and for the seeded unit and returns the snapshot ids.
    /// </summary>
    private async Task<IReadOnlyList<string>> HandledAsync(RunningService running, SecretSeed control, int year)
    {
        switch (service)
        {
            case "portal":
                await ShowsAsync(running, null, "/van-ban", control.Issued.Subject);
                return [];
            case "gazette":
                await ShowsAsync(running, TestUser.GazetteEditor, "/api/gazette/register", control.Issued.Subject);
                return [];
        }
        using var leader = running.ClientFor(TestUser.Leader);
        await Eventually.True(async () =>
        {
            var figures = await leader.GetFromJsonAsync<JsonElement>($"/api/reports/indicators?period=year&year={year}");
            return figures.GetProperty("documents").GetProperty("received").GetInt32() == 4
                && figures.GetProperty("documents").GetProperty("issued").GetInt32() == 4
                && figures.GetProperty("tasks").GetProperty("province").GetProperty("total").GetInt32() == 4;
        }, "reports to count the four seeded documents and tasks");
        // Status changes travel on their own topic; the public control's note in the store says they are in,
        // and that the store's text is readable to the watch.
        await Eventually.True(() => Task.FromResult(StoredText(running).Contains(control.ProgressMark, StringComparison.Ordinal)),
            "reporting to keep the public control's status change");
        using var specialist = running.ClientFor(TestUser.Specialist);
        var ids = new List<string>();
        foreach (var client in new[] { leader, specialist })
        {
            using var response = await client.PostAsync($"/api/reports/snapshots?period=year&year={year}", null);
            Assert.That(response.IsSuccessStatusCode, Is.True, await response.Content.ReadAsStringAsync());
            ids.Add((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("snapshot").GetProperty("id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        return ids;
    }

    /// <summary>
    /// Every file next to the service's SQLite database (the database, its write-ahead log), read as UTF-8:
    /// the watched texts carry ASCII tokens, so whatever table or encoding kept them, the token shows.
    /// </summary>
    private static string StoredText(RunningService running)
    {
        var file = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(running.ConnectionString).DataSource;
        var texts = Directory.GetFiles(Path.GetDirectoryName(file)!).Select(path =>
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
        }).ToList();
        Assert.That(texts, Is.Not.Empty, "the service's database files were found");
        return string.Join("\n", texts);
    }

    private static async Task ShowsAsync(RunningService running, TestUser? caller, string path, string text)
    {
        using var client = running.ClientFor(caller);
        await Eventually.True(async () => (await client.GetStringAsync(path)).Contains(text, StringComparison.Ordinal),
            "the public control reached the read model");
    }

    /// <summary>The seeded year for reports (whole year, the seeded unit's scope left to each caller); nothing for other services.</summary>
    private string? ReportQuery(string name, int year) => service != "reporting" ? null : name switch
    {
        "period" => "year",
        "year" => year.ToString(System.Globalization.CultureInfo.InvariantCulture),
        "from" => $"{year - 1}-12-15",
        "to" => $"{year}-12-14",
        _ => null,
    };
}
