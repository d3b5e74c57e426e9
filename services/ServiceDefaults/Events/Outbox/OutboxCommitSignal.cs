using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Platform.ServiceDefaults.Storage;

namespace Platform.ServiceDefaults.Events.Outbox;

/// <summary>
/// Wakes the dispatcher when a transaction that wrote outbox rows commits. The outbox's SavedChanges
/// signal fires inside an explicit transaction, before its rows are visible to the dispatcher,
/// which then found nothing and slept a whole poll interval (1 s by default) before publishing.
/// </summary>
/// <remarks>
/// Only commits that wrote to the outbox wake it: every commit did before, so the dispatcher's own
/// "marked sent" commit and each inbox handler's commit sent it back to the database for an empty
/// batch, two wasted queries (a scope, a context, a SELECT) per event in a busy service.
/// </remarks>
public sealed class OutboxCommitSignal(OutboxSignal signal) : DbTransactionInterceptor
{
    public static IInterceptor[] For(IServiceProvider services) =>
        services.GetService<OutboxSignal>() is { } signal ? [new OutboxCommitSignal(signal)] : [];

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Committed(eventData);

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Committed(eventData);
        return Task.CompletedTask;
    }

    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => RolledBack(eventData);

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        RolledBack(eventData);
        return Task.CompletedTask;
    }

    private void Committed(TransactionEndEventData eventData)
    {
        // A context that is not a ServiceDbContext cannot say what it wrote: wake to be safe.
        if (eventData.Context is ServiceDbContext { OutboxWritten: false }) return;
        if (eventData.Context is ServiceDbContext db) db.OutboxWritten = false;
        signal.Notify();
    }

    private static void RolledBack(TransactionEndEventData eventData)
    {
        if (eventData.Context is ServiceDbContext db) db.OutboxWritten = false;
    }
}
