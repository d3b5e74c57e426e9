using Platform.Contracts;
using Platform.Tasks.Domain;
using Platform.TestSupport;

namespace Platform.Tasks.Tests;

/// <summary>The task grain while its storage (Redis) is down, and after it is back.</summary>
public sealed class TaskStorageOutageTests
{
    [Test]
    public async Task A_creation_that_storage_refused_is_done_again_by_the_retry_not_answered_from_memory()
    {
        var storage = new StorageSwitch();
        await using var cluster = await TaskCluster.StartAsync(storageSwitch: storage);
        var id = Guid.NewGuid();
        var task = new NewTask(id, null, null, "Rà soát hồ sơ đất đai", "STNMT", [], new DateOnly(2026, 12, 15), "lanhdao", Secrecy.None);

        storage.Down = true;
        Assert.CatchAsync(async () => await cluster.Task(id).Create(task), "the creation fails while storage is down");
        storage.Down = false;

        // What the creation pump does: ask again. The grain must not answer from what it never stored.
        var retried = await Eventually.Returns(async () => await cluster.Task(id).Create(task), o => o.Succeeded, "the retried creation to succeed");
        Assert.That(retried.TaskOrThrow().LeadUnit, Is.EqualTo("STNMT"));
        Assert.That(cluster.Projection.ActionsOf(id), Is.EqualTo(new[] { TaskAction.Created }), "the retry stored the task and put it in the read model, once");
    }
}
