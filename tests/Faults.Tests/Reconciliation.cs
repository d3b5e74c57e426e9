using Npgsql;
using Platform.TestSupport;

namespace Platform.Faults.Tests;

/// <summary>
/// Holds what the load was told against what each service stored: every accepted change in
/// the Documents database, and every event's effect exactly once in each consumer (search
/// index, tasks, portal read model, gazette register, reporting facts).
/// </summary>
public static class Reconciliation
{
    private static readonly TimeSpan ConsumersCatchUp = TimeSpan.FromSeconds(90);

    public static async Task AssertNothingLostNorDoubledAsync(Ledger ledger, string marker)
    {
        Assert.That(ledger.Errors, Is.Empty, "no request accepted by the platform may end in an error for its caller");
        var registered = ledger.Registered.ToArray();
        var directed = ledger.Directed.ToArray();
        var issued = ledger.Issued.ToArray();
        TestContext.Out.WriteLine($"{ledger.Requests} requests ({FaultyPlatform.Client.Retries} retries so far): "
            + $"{registered.Length} registered, {directed.Length} directed, {issued.Length} issued");

        Assert.Multiple(async () =>
        {
            Assert.That(await CountAsync("documents", """SELECT count(*) FROM incoming_documents WHERE "Subject" LIKE @p""", $"%mã {marker} số%"),
                Is.EqualTo(registered.Length), "incoming documents stored: each accepted registration once, nothing else");
            Assert.That(await CountAsync("documents", """SELECT count(*) FROM incoming_documents WHERE "Id" = ANY(@p)""", registered),
                Is.EqualTo(registered.Length));
            Assert.That(await CountAsync("documents", """SELECT count(*) FROM incoming_documents WHERE "Subject" LIKE @p AND "Direction" IS NOT NULL""", $"%mã {marker} số%"),
                Is.EqualTo(directed.Length), "directions stored");
            Assert.That(await CountAsync("documents", """SELECT count(*) FROM outgoing_documents WHERE "Subject" LIKE @p AND "Status" = 'Issued'""", $"%mã {marker}q số%"),
                Is.EqualTo(issued.Length), "outgoing documents issued");
        });

        // Every consumer catches up at once (waiting for each in turn cost a settling second apiece), then
        // one pause lets a repeat delivered just after a count was reached show before the counts are held.
        var consumers = new (string What, string Table, string Database, string Sql, object Parameter, int Expected)[]
        {
            ("tasks: one task per direction", "tasks.tasks", "tasks",
                """SELECT count(*) FROM tasks WHERE "SourceDocumentId" = ANY(@p)""", directed, directed.Length),
            ("reporting: one fact per registration and issue", "reporting.document_facts", "reporting",
                """SELECT count(*) FROM document_facts WHERE "DocumentId" = ANY(@p)""", registered.Concat(issued).ToArray(), registered.Length + issued.Length),
            ("reporting: one assignment fact per direction", "reporting.assignment_facts", "reporting",
                """SELECT count(*) FROM assignment_facts WHERE "DocumentId" = ANY(@p)""", directed, directed.Length),
            ("portal: each issued public document once", "portal.public_documents", "portal",
                """SELECT count(*) FROM public_documents WHERE "DocumentId" = ANY(@p)""", issued, issued.Length),
            ("gazette: each issued legal normative document registered once", "gazette.gazette_entries", "gazette",
                """SELECT count(*) FROM gazette_entries WHERE "DocumentId" = ANY(@p)""", issued, issued.Length),
        };
        // Each consumer's own time after the load ended, so a slow catch-up names its laggard.
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var caughtUpAfter = new TimeSpan[consumers.Length + 1];
        async Task<T> Timed<T>(Task<T> wait, int slot)
        {
            var result = await wait;
            caughtUpAfter[slot] = watch.Elapsed;
            return result;
        }
        var caughtUpTask = Task.WhenAll(consumers.Select((c, i) =>
            Timed(Eventually.UntilAsync(() => CountAsync(c.Database, c.Sql, c.Parameter), n => n >= c.Expected, ConsumersCatchUp, c.What), i)));
        var indexed = await Timed(Eventually.UntilAsync(SearchTotalAsync, total => total >= registered.Length, ConsumersCatchUp,
            "the search index to hold every registered document"), consumers.Length);
        var caughtUp = await caughtUpTask;
        TestContext.Progress.WriteLine($"consumers and search caught up in {watch.Elapsed.TotalSeconds:F1} s: "
            + string.Join(", ", consumers.Select(c => c.Table).Append("search").Zip(caughtUpAfter, (name, after) => $"{name} {after.TotalSeconds:F1} s")));
        await Task.Delay(TimeSpan.FromSeconds(1));
        var settled = await Task.WhenAll(consumers.Select(c => CountAsync(c.Database, c.Sql, c.Parameter)));
        var searched = await SearchTotalAsync();
        Assert.Multiple(() =>
        {
            for (var i = 0; i < consumers.Length; i++)
            {
                Assert.That(settled[i], Is.EqualTo(consumers[i].Expected).And.EqualTo(caughtUp[i]), consumers[i].What);
            }
            Assert.That(searched, Is.EqualTo(registered.Length).And.EqualTo(indexed), "search index: each registered document once");
        });

        async Task<long> SearchTotalAsync() =>
            (await FaultyPlatform.Client.GetAsync("lanhdao", $"/api/documents/search?q={marker}&pageSize=1")).Json.GetProperty("total").GetInt64();
    }

    public static async Task<long> CountAsync(string database, string sql, object parameter)
    {
        // Unpooled: a pooled connection may be one the database outage test cut.
        await using var connection = new NpgsqlConnection(FaultyPlatform.Databases[database] + ";Pooling=false");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("p", parameter);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
