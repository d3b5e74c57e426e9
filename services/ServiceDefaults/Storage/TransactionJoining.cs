using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace Platform.ServiceDefaults.Storage;

/// <summary>
/// Lets an endpoint that needs a transaction run inside the one its request already holds
/// (the Idempotency-Key's, which must commit the write and its stored answer together).
/// </summary>
public static class TransactionJoining
{
    /// <summary>
    /// A new transaction (in its turn on SQLite, see <see cref="SqliteWriteGate"/>), or the open one
    /// joined: committing a joined one does nothing (the owner commits), and leaving it without
    /// committing rolls the owner's back, as leaving an own transaction would.
    /// </summary>
    public static async Task<IDbContextTransaction> BeginOrJoinTransactionAsync(this DatabaseFacade database, CancellationToken cancellationToken) =>
        database.CurrentTransaction is { } current
            ? new JoinedTransaction(current)
            : await database.BeginWriteTransactionAsync(cancellationToken);

    private sealed class JoinedTransaction(IDbContextTransaction owner) : IDbContextTransaction
    {
        private bool _completed;

        public Guid TransactionId => owner.TransactionId;

        public void Commit() => _completed = true;

        public Task CommitAsync(CancellationToken cancellationToken = default)
        {
            _completed = true;
            return Task.CompletedTask;
        }

        public void Rollback()
        {
            _completed = true;
            owner.Rollback();
        }

        public async Task RollbackAsync(CancellationToken cancellationToken = default)
        {
            _completed = true;
            await owner.RollbackAsync(cancellationToken);
        }

        public void Dispose()
        {
            if (!_completed) Rollback();
        }

        public async ValueTask DisposeAsync()
        {
            if (!_completed) await RollbackAsync();
        }
    }
}
