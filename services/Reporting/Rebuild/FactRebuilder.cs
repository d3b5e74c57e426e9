using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Platform.Reporting.Consumers;
using Platform.Reporting.Domain;
using Platform.Reporting.Persistence;
using Platform.ServiceDefaults.Events;

namespace Platform.Reporting.Rebuild;

public sealed record RebuildProgress(long Replayed, long Total);

public sealed record RebuildResult(long Replayed, long Skipped);

/// <summary>
/// Empties the fact tables and replays the event log into them, in one transaction so reports
/// never see half-built facts. Events whose topic Reporting no longer handles are skipped and counted.
/// A secret item's text that an older version kept in the log (or a task event from before tasks carried
/// their secrecy, read as Tuyệt mật) is removed from the log on the way, as <see cref="RecordEvent{TEvent}"/> does now.
/// </summary>
public sealed class FactRebuilder(ReportingDbContext db, IEnumerable<EventSubscription> subscriptions)
{
    private const int BatchSize = 500;

    public async Task<RebuildResult> RebuildAsync(IProgress<RebuildProgress>? progress, CancellationToken cancellationToken)
    {
        var eventTypes = subscriptions.GroupBy(s => s.Topic).ToDictionary(g => g.Key, g => g.First().EventType);
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            if (db.Database.IsNpgsql())
            {
                // Consumers append to the log while we replay; they wait until the new facts commit.
                await db.Database.ExecuteSqlRawAsync("LOCK TABLE event_log IN EXCLUSIVE MODE", cancellationToken);
            }
            await ClearFactsAsync(cancellationToken);
            var total = await db.EventLog.LongCountAsync(cancellationToken);
            long replayed = 0, skipped = 0, after = 0;
            while (true)
            {
                var batch = await db.EventLog.AsNoTracking().Where(e => e.Sequence > after).OrderBy(e => e.Sequence)
                    .Take(BatchSize).ToListAsync(cancellationToken);
                if (batch.Count == 0) break;
                var projector = new FactProjector(db);
                foreach (var entry in batch)
                {
                    if (eventTypes.TryGetValue(entry.Topic, out var type)
                        && JsonSerializer.Deserialize(entry.Payload, type, EventJson.Options) is { } @event)
                    {
                        var kept = SecretRedaction.Of(@event);
                        var payload = EventLogEntry.PayloadOf(kept);
                        if (!ReferenceEquals(kept, @event) && payload != entry.Payload)
                        {
                            await db.EventLog.Where(e => e.Sequence == entry.Sequence)
                                .ExecuteUpdateAsync(set => set.SetProperty(e => e.Payload, payload), cancellationToken);
                        }
                        projector.Apply(kept, entry.EventId);
                        replayed++;
                    }
                    else
                    {
                        skipped++;
                    }
                }
                await db.SaveChangesAsync(cancellationToken);
                db.ChangeTracker.Clear();
                after = batch[^1].Sequence;
                progress?.Report(new RebuildProgress(replayed + skipped, total));
            }
            await transaction.CommitAsync(cancellationToken);
            return new RebuildResult(replayed, skipped);
        });
    }

    private async Task ClearFactsAsync(CancellationToken cancellationToken)
    {
        await db.DocumentFacts.ExecuteDeleteAsync(cancellationToken);
        await db.AssignmentFacts.ExecuteDeleteAsync(cancellationToken);
        await db.TaskFacts.ExecuteDeleteAsync(cancellationToken);
        await db.TaskStatusFacts.ExecuteDeleteAsync(cancellationToken);
        await db.TaskAlertFacts.ExecuteDeleteAsync(cancellationToken);
        await db.GazettePublicationFacts.ExecuteDeleteAsync(cancellationToken);
        await db.FeedbackFacts.ExecuteDeleteAsync(cancellationToken);
    }
}
