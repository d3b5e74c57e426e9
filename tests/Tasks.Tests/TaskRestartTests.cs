using Platform.Contracts;

namespace Platform.Tasks.Tests;

/// <summary>Grain state and reminders live in Redis: a new silo finds everything the stopped one had.</summary>
public sealed class TaskRestartTests
{
    [Test]
    public async Task A_new_silo_finds_every_task_and_pending_reminder_after_the_old_one_stopped()
    {
        var first = await TaskCluster.StartAsync(redis: true);
        var ids = new List<Guid>();
        for (var i = 0; i < 12; i++)
        {
            var (id, _) = await first.CreateAsync(new DateOnly(2026, 12, 10).AddDays(i), leadUnit: i % 2 == 0 ? "SYT" : "SGDĐT");
            ids.Add(id);
        }
        (await first.Task(ids[0]).ReportProgress("chuyenvien", 30, "Đã khảo sát", [])).TaskOrThrow();
        (await first.Task(ids[1]).SubmitCompletion("chuyenvien", null, [])).TaskOrThrow();
        var before = new Dictionary<Guid, (TaskState, int, DateTimeOffset?)>();
        foreach (var id in ids)
        {
            var task = (await first.Task(id).Get())!;
            before[id] = (task.Status, task.History.Count, await first.Task(id).NextReminder());
        }
        await first.DisposeAsync();

        var second = await TaskCluster.StartAsync(redis: true, serviceId: first.ServiceId, clock: first.Clock);
        try
        {
            foreach (var id in ids)
            {
                var task = await second.Task(id).Get();
                Assert.That(task, Is.Not.Null, $"task {id}");
                Assert.That((task!.Status, task.History.Count, await second.Task(id).NextReminder()), Is.EqualTo(before[id]));
                // The task awaiting confirmation needs no reminder; every other one still has its own.
                Assert.That(await second.Task(id).HasReminder(), Is.EqualTo(id != ids[1]), $"reminder of {id}");
            }
        }
        finally
        {
            await second.DisposeAsync();
        }
    }
}
