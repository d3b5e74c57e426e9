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

        await Consumer("tasks: one task per direction", "tasks",
            """SELECT count(*) FROM tasks WHERE "SourceDocumentId" = ANY(@p)""", directed, directed.Length);
        await Consumer("reporting: one fact per registration and issue", "reporting",
            """SELECT count(*) FROM document_facts WHERE "DocumentId" = ANY(@p)""", registered.Concat(issued).ToArray(), registered.Length + issued.Length);
        await Consumer("reporting: one assignment fact per direction", "reporting",
            """SELECT count(*) FROM assignment_facts WHERE "DocumentId" = ANY(@p)""", directed, directed.Length);
        await Consumer("portal: each issued public document once", "portal",
            """SELECT count(*) FROM public_documents WHERE "DocumentId" = ANY(@p)""", issued, issued.Length);
        await Consumer("gazette: each issued legal normative document registered once", "gazette",
            """SELECT count(*) FROM gazette_entries WHERE "DocumentId" = ANY(@p)""", issued, issued.Length);
        var hits = await Eventually.UntilAsync(
            async () => (await FaultyPlatform.Client.GetAsync("lanhdao", $"/api/documents/search?q={marker}&pageSize=1")).Json.GetProperty("total").GetInt64(),
            total => total >= registered.Length, ConsumersCatchUp, "the search index to hold every registered document");
        Assert.That(hits, Is.EqualTo(registered.Length), "search index: each registered document once");
    }

    /// <summary>Waits for a consumer to catch up, then holds it to exactly the expected count (more would be a repeat).</summary>
    private static async Task Consumer(string what, string database, string sql, object parameter, int expected)
    {
        var count = await Eventually.UntilAsync(() => CountAsync(database, sql, parameter), c => c >= expected, ConsumersCatchUp, what);
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.That(await CountAsync(database, sql, parameter), Is.EqualTo(expected).And.EqualTo(count), what);
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
