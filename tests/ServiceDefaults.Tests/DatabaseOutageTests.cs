using Microsoft.Data.Sqlite;
using Platform.ServiceDefaults.Errors;

namespace Platform.ServiceDefaults.Tests;

/// <summary>Which database failures are a 503 to retry rather than a bug (a 500).</summary>
public sealed class DatabaseOutageTests
{
    [Test]
    public void A_sqlite_write_that_waited_out_its_timeout_for_the_lock_is_an_outage()
    {
        var file = Path.Combine(Path.GetTempPath(), $"outage-{Guid.NewGuid():N}.db");
        try
        {
            using var holder = Open(file);
            using var held = holder.BeginTransaction(deferred: false);
            using var waiter = Open(file);

            var refused = Assert.Throws<SqliteException>(() => waiter.BeginTransaction(deferred: false))!;

            Assert.That(DatabaseOutage.Caused(refused), Is.True, refused.Message);
            Assert.That(DatabaseOutage.Caused(new InvalidOperationException("wrapped", refused)), Is.True);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(file);
        }
    }

    [Test]
    public void A_sqlite_constraint_violation_is_not_an_outage()
    {
        using var connection = Open(":memory:");
        using var create = connection.CreateCommand();
        create.CommandText = "CREATE TABLE t (id INTEGER PRIMARY KEY); INSERT INTO t VALUES (1);";
        create.ExecuteNonQuery();
        using var duplicate = connection.CreateCommand();
        duplicate.CommandText = "INSERT INTO t VALUES (1);";

        var refused = Assert.Throws<SqliteException>(() => duplicate.ExecuteNonQuery())!;

        Assert.That(DatabaseOutage.Caused(refused), Is.False);
    }

    private static SqliteConnection Open(string file)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, DefaultTimeout = 1, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }
}
