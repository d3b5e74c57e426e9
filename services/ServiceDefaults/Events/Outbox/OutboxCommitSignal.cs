using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Platform.ServiceDefaults.Events.Outbox;

/// <summary>
/// Wakes the dispatcher when a transaction commits. The outbox's SavedChanges signal fires
/// inside an explicit transaction, before its rows are visible to the dispatcher, which then
/// found nothing and slept a whole poll interval (1 s by default) before publishing.
/// </summary>
public sealed class OutboxCommitSignal(OutboxSignal signal) : DbTransactionInterceptor
{
    public static IInterceptor[] For(IServiceProvider services) =>
        services.GetService<OutboxSignal>() is { } signal ? [new OutboxCommitSignal(signal)] : [];

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => signal.Notify();

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        signal.Notify();
        return Task.CompletedTask;
    }
}
