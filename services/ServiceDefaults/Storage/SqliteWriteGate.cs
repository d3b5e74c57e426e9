using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace Platform.ServiceDefaults.Storage;

/// <summary>
/// Write transactions on a SQLite file take turns in the order they asked, waiting without holding a
/// thread. SQLite has one write lock and no queue, and Microsoft.Data.Sqlite answers a busy lock by
/// blocking its thread for 150 ms before trying again. Under 16 concurrent clerks a writer that had
/// waited longest kept losing the lock to newcomers (p99 4 s), while each waiter held a thread-pool
/// thread asleep. A service is the only writer of its own file, so a queue in the process gives the
/// fairness SQLite lacks. Writes that do not come through here (an implicit SaveChanges transaction)
/// still meet SQLite's lock and wait for it as before. PostgreSQL is not gated: it queues writers on
/// the rows they touch.
/// </summary>
public static class SqliteWriteGate
{
    private const int SqliteBusy = 5;

    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new(StringComparer.Ordinal);

    // Every transaction asks; parsing the connection string and resolving the path once per string
    // keeps that off the request path.
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> GatesByConnectionString = new(StringComparer.Ordinal);

    /// <summary>
    /// A new transaction; on SQLite, once every transaction asked for before it on the same file has
    /// ended. A wait longer than the connection's command timeout ends as SQLite's own busy error, which
    /// the ProblemDetails handler answers with a 503.
    /// </summary>
    public static async Task<IDbContextTransaction> BeginWriteTransactionAsync(this DatabaseFacade database, CancellationToken cancellationToken)
    {
        if (!database.IsSqlite() || database.GetDbConnection() is not SqliteConnection connection)
        {
            return await database.BeginTransactionAsync(cancellationToken);
        }
        var gate = GatesByConnectionString.GetOrAdd(connection.ConnectionString,
            static connectionString => Gates.GetOrAdd(FileOf(connectionString), _ => new SemaphoreSlim(1, 1)));
        var timeout = TimeSpan.FromSeconds(database.GetCommandTimeout() ?? connection.DefaultTimeout);
        if (!await gate.WaitAsync(timeout, cancellationToken))
        {
            throw new SqliteException($"database is locked: waited {timeout.TotalSeconds:0} s for the writers before this one", SqliteBusy);
        }
        try
        {
            return new GatedTransaction(await database.BeginTransactionAsync(cancellationToken), gate);
        }
        catch
        {
            gate.Release();
            throw;
        }
    }

    /// <summary>The file a connection writes, the same for every spelling of its connection string.</summary>
    private static string FileOf(string connectionString)
    {
        var source = new SqliteConnectionStringBuilder(connectionString).DataSource;
        return source is "" or ":memory:" || source.StartsWith("file:", StringComparison.OrdinalIgnoreCase) ? connectionString : Path.GetFullPath(source);
    }

    /// <summary>The transaction, letting the next writer in once it has committed, rolled back or been left.</summary>
    private sealed class GatedTransaction(IDbContextTransaction inner, SemaphoreSlim gate) : IDbContextTransaction, IInfrastructure<DbTransaction>
    {
        private int _released;

        public Guid TransactionId => inner.TransactionId;

        public bool SupportsSavepoints => inner.SupportsSavepoints;

        DbTransaction IInfrastructure<DbTransaction>.Instance => inner.GetDbTransaction();

        public void Commit()
        {
            inner.Commit();
            Release();
        }

        public async Task CommitAsync(CancellationToken cancellationToken = default)
        {
            await inner.CommitAsync(cancellationToken);
            Release();
        }

        public void Rollback()
        {
            inner.Rollback();
            Release();
        }

        public async Task RollbackAsync(CancellationToken cancellationToken = default)
        {
            await inner.RollbackAsync(cancellationToken);
            Release();
        }

        public void CreateSavepoint(string name) => inner.CreateSavepoint(name);

        public Task CreateSavepointAsync(string name, CancellationToken cancellationToken = default) => inner.CreateSavepointAsync(name, cancellationToken);

        public void RollbackToSavepoint(string name) => inner.RollbackToSavepoint(name);

        public Task RollbackToSavepointAsync(string name, CancellationToken cancellationToken = default) => inner.RollbackToSavepointAsync(name, cancellationToken);

        public void ReleaseSavepoint(string name) => inner.ReleaseSavepoint(name);

        public Task ReleaseSavepointAsync(string name, CancellationToken cancellationToken = default) => inner.ReleaseSavepointAsync(name, cancellationToken);

        public void Dispose()
        {
            try
            {
                inner.Dispose();
            }
            finally
            {
                Release();
            }
        }

        public async ValueTask DisposeAsync()
        {
            try
            {
                await inner.DisposeAsync();
            }
            finally
            {
                Release();
            }
        }

        // Once: a commit and the dispose after it are one turn.
        private void Release()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) gate.Release();
        }
    }
}
