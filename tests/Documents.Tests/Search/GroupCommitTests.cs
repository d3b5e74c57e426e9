using System.Threading.Channels;
using Platform.Documents.Search.Lucene;

namespace Platform.Documents.Tests.Search;

/// <summary>
/// Group commit on its own, with commits the test holds open and releases: who shares which
/// commit is then decided by the test, not by timing.
/// </summary>
public sealed class GroupCommitTests
{
    /// <summary>Commits that start, report that they started, and finish only when the test says.</summary>
    private sealed class HeldCommits
    {
        private readonly Channel<TaskCompletionSource> _started = Channel.CreateUnbounded<TaskCompletionSource>();

        public Task Commit()
        {
            var held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _started.Writer.TryWrite(held);
            return held.Task;
        }

        // A guard against a hang, not a timed assertion: a commit that should start but never does fails here.
        public Task<TaskCompletionSource> NextStartedAsync() => _started.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30));

        public bool AnotherStarted => _started.Reader.TryPeek(out _);
    }

    [Test]
    public async Task Callers_arriving_during_a_commit_share_the_next_one_and_return_only_after_it()
    {
        var commits = new HeldCommits();
        var group = new GroupCommit(commits.Commit);

        var first = group.CommitAsync(CancellationToken.None);
        var firstCommit = await commits.NextStartedAsync();
        var burst = Enumerable.Range(0, 10).Select(_ => group.CommitAsync(CancellationToken.None)).ToArray();
        Assert.That(first.IsCompleted || burst.Any(t => t.IsCompleted), Is.False, "nobody returns before a commit covers them");

        firstCommit.SetResult();
        await first;
        var secondCommit = await commits.NextStartedAsync();
        Assert.That(burst.Any(t => t.IsCompleted), Is.False, "the burst wrote after the first commit began, so it was not covered by it");
        Assert.That(commits.AnotherStarted, Is.False, "the whole burst waits for one commit");

        secondCommit.SetResult();
        await Task.WhenAll(burst);
        Assert.That(group.Commits, Is.EqualTo(2), "eleven callers, two commits");
    }

    [Test]
    public async Task A_quiet_caller_starts_its_commit_at_once()
    {
        var commits = new HeldCommits();
        var group = new GroupCommit(commits.Commit);
        for (var i = 1; i <= 3; i++)
        {
            var caller = group.CommitAsync(CancellationToken.None);
            (await commits.NextStartedAsync()).SetResult();
            await caller;
            Assert.That(group.Commits, Is.EqualTo(i));
        }
    }

    [Test]
    public async Task A_failed_commit_fails_the_callers_it_covered_and_a_later_caller_gets_its_own()
    {
        var commits = new HeldCommits();
        var group = new GroupCommit(commits.Commit);

        var covered = group.CommitAsync(CancellationToken.None);
        var failing = await commits.NextStartedAsync();
        var later = group.CommitAsync(CancellationToken.None);
        failing.SetException(new IOException("disk full"));
        Assert.ThrowsAsync<IOException>(async () => await covered, "its event is not acknowledged and comes again");

        var retry = await commits.NextStartedAsync();
        Assert.That(later.IsCompleted, Is.False);
        retry.SetResult();
        await later;
        Assert.That(group.Commits, Is.EqualTo(1));
    }
}
