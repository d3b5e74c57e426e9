namespace Platform.Documents.Search.Lucene;

/// <summary>
/// Group commit (ghi gộp): callers whose changes are already in the index writer share one
/// refresh and commit instead of paying an fsync each. A caller waits until a commit that
/// started after its changes were written has finished, so it still returns only once its
/// changes are searchable and durable; a burst of events arriving while one commit runs is
/// covered by the next single commit.
/// </summary>
/// <remarks>
/// The first caller of a quiet moment starts its commit at once (no added latency); callers
/// that arrive while a commit runs wait for it to end and then one of them starts the next,
/// covering everyone written by then. A failed commit fails only the callers it covered; a
/// later caller starts a fresh one.
/// </remarks>
public sealed class GroupCommit(Func<Task> commit)
{
    private readonly Lock _gate = new();
    // Callers whose changes are in the writer, numbered in the order they finished writing.
    private long _written;
    // Every caller up to this number is covered by a commit that has finished.
    private long _durable;
    private (Task Task, long Covers) _running = (Task.CompletedTask, 0);
    private long _commits;

    /// <summary>Commits run so far: fewer than callers when a burst shared them.</summary>
    public long Commits => Interlocked.Read(ref _commits);

    /// <summary>Call after this caller's changes are in the writer; returns once a commit covers them.</summary>
    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        var ticket = Interlocked.Increment(ref _written);
        while (true)
        {
            (Task Task, long Covers) running;
            lock (_gate)
            {
                if (_durable >= ticket) return;
                if (_running.Task.IsCompleted)
                {
                    // Everyone numbered so far has written: one commit starting now covers them all.
                    var covers = Interlocked.Read(ref _written);
                    _running = (Task.Run(() => RunAsync(covers), CancellationToken.None), covers);
                }
                running = _running;
            }
            try
            {
                await running.Task.WaitAsync(cancellationToken);
            }
            catch (Exception) when (!cancellationToken.IsCancellationRequested && running.Covers < ticket)
            {
                // A commit that started before this caller wrote failed: it was not ours; start our own.
            }
        }
    }

    private async Task RunAsync(long covers)
    {
        await commit();
        Interlocked.Increment(ref _commits);
        lock (_gate) _durable = Math.Max(_durable, covers);
    }
}
