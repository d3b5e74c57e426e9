using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Platform.ServiceDefaults.Errors;
using Platform.ServiceDefaults.Storage;

namespace Platform.ServiceDefaults.Tests;

/// <summary>Write transactions on one SQLite file take turns in the order they asked, without holding a thread while they wait.</summary>
public sealed class SqliteWriteGateTests
{
    private string _file = "";

    [SetUp]
    public void CreateFile()
    {
        _file = Path.Combine(Path.GetTempPath(), $"gate-{Guid.NewGuid():N}.db");
        using var db = Context();
        db.Database.ExecuteSqlRaw("CREATE TABLE turns (id INTEGER PRIMARY KEY AUTOINCREMENT, writer INTEGER NOT NULL)");
    }

    [TearDown]
    public void DeleteFile()
    {
        SqliteConnection.ClearAllPools();
        File.Delete(_file);
    }

    [Test]
    public async Task Writers_waiting_for_the_file_get_it_in_the_order_they_asked()
    {
        await using var first = Context();
        var held = await first.Database.BeginWriteTransactionAsync(CancellationToken.None);

        // Each call queues before it returns its task, so the calls' order is the order they asked.
        var contexts = Enumerable.Range(1, 8).Select(_ => Context()).ToArray();
        var writers = contexts.Select((db, i) => WriteTurnAsync(db, i + 1)).ToArray();
        await Task.Delay(200);
        Assert.That(writers.All(w => !w.IsCompleted), Is.True, "a writer got in while the first still held the file");

        await held.CommitAsync();
        await held.DisposeAsync();
        await Task.WhenAll(writers);

        await using var check = Context();
        var order = await check.Database.SqlQueryRaw<int>("SELECT writer AS \"Value\" FROM turns ORDER BY id").ToListAsync();
        Assert.That(order, Is.EqualTo(Enumerable.Range(1, 8)));
        foreach (var db in contexts) await db.DisposeAsync();
    }

    [Test]
    public async Task A_transaction_left_without_commit_lets_the_next_writer_in()
    {
        await using (var abandoned = Context())
        {
            var transaction = await abandoned.Database.BeginWriteTransactionAsync(CancellationToken.None);
            await abandoned.Database.ExecuteSqlRawAsync("INSERT INTO turns (writer) VALUES (99)");
            await transaction.DisposeAsync();
        }

        await using var next = Context();
        await WriteTurnAsync(next, 1);

        var writers = await next.Database.SqlQueryRaw<int>("SELECT writer AS \"Value\" FROM turns").ToListAsync();
        Assert.That(writers, Is.EqualTo(new[] { 1 }), "the abandoned write must have been rolled back");
    }

    [Test]
    public async Task A_writer_that_waits_out_its_timeout_gets_sqlites_busy_error_which_is_a_503()
    {
        await using var holder = Context();
        await using var held = await holder.Database.BeginWriteTransactionAsync(CancellationToken.None);
        await using var waiter = Context(timeoutSeconds: 1);

        var refused = Assert.ThrowsAsync<SqliteException>(() => waiter.Database.BeginWriteTransactionAsync(CancellationToken.None))!;

        Assert.That(refused.SqliteErrorCode, Is.EqualTo(5));
        Assert.That(DatabaseOutage.Caused(refused), Is.True);
    }

    [Test]
    public async Task Another_file_does_not_wait()
    {
        await using var holder = Context();
        await using var held = await holder.Database.BeginWriteTransactionAsync(CancellationToken.None);
        var other = Path.Combine(Path.GetTempPath(), $"gate-{Guid.NewGuid():N}.db");
        try
        {
            await using var elsewhere = new DbContext(new DbContextOptionsBuilder().UseSqlite($"Data Source={other};Default Timeout=1").Options);

            await using var own = await elsewhere.Database.BeginWriteTransactionAsync(CancellationToken.None);

            Assert.That(own, Is.Not.Null);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(other);
        }
    }

    private static async Task WriteTurnAsync(DbContext db, int writer)
    {
        await using var transaction = await db.Database.BeginWriteTransactionAsync(CancellationToken.None);
        await db.Database.ExecuteSqlRawAsync("INSERT INTO turns (writer) VALUES ({0})", writer);
        await transaction.CommitAsync();
    }

    private DbContext Context(int timeoutSeconds = 30) =>
        new(new DbContextOptionsBuilder().UseSqlite($"Data Source={_file};Default Timeout={timeoutSeconds}").Options);
}
