using System.Net.Http.Json;
using System.Text.Json;
using Platform.Contracts;
using Platform.Contracts.Events;
using Platform.ServiceDefaults.Events;
using Platform.TestSupport;
using Platform.Tasks.Apis;

namespace Platform.Tasks.Tests;

[TestFixtureSource(typeof(DatabaseKinds), nameof(DatabaseKinds.All))]
public sealed class TasksFromDirectionsTests(DatabaseKind database)
{
    private TasksFactory _factory = null!;

    [OneTimeSetUp]
    public void Start() => _factory = new TasksFactory(database);

    [OneTimeTearDown]
    public void Stop() => _factory.Dispose();

    private static DocumentAssigned Assigned(string leadUnit, DateOnly? deadline = null) => new(
        Guid.NewGuid(), "125/UBND-KT", "Về việc triển khai kế hoạch đầu tư công năm 2027",
        "Giao Sở Kế hoạch và Đầu tư chủ trì, tham mưu UBND tỉnh", leadUnit, ["STC", "KBNN"],
        deadline ?? new DateOnly(2099, 12, 31), "lanhdao", Secrecy.None, DateTimeOffset.UtcNow);

    private static async Task<TaskView[]> TasksFrom(HttpClient client, Guid documentId) =>
        (await client.GetFromJsonAsync<TaskView[]>("/api/tasks"))!.Where(t => t.SourceDocumentId == documentId).ToArray();

    private static async Task<TaskCreated> NextAbout(EventCapture capture, Guid documentId)
    {
        while (true)
        {
            var created = await capture.NextAsync<TaskCreated>();
            if (created.SourceDocumentId == documentId) return created;
        }
    }

    [Test]
    public async Task A_direction_creates_one_task_for_the_lead_unit_and_announces_it()
    {
        using var capture = new EventCapture(_factory.Broker, Topics.TaskCreated);
        // The consumers listen once the host has started, which the first client does.
        using var leader = _factory.ClientFor(TestUser.Leader);
        var assigned = Assigned("SKHĐT", new DateOnly(2099, 6, 30));

        await _factory.Broker.PublishAsync(assigned);

        var created = await NextAbout(capture, assigned.DocumentId);
        var tasks = await TasksFrom(leader, assigned.DocumentId);
        Assert.That(tasks, Has.Length.EqualTo(1));
        Assert.Multiple(() =>
        {
            Assert.That(tasks[0].LeadUnit, Is.EqualTo("SKHĐT"));
            Assert.That(tasks[0].Deadline, Is.EqualTo(new DateOnly(2099, 6, 30)));
            Assert.That(tasks[0].SupportingUnits, Is.EqualTo(new[] { "STC", "KBNN" }));
            Assert.That(tasks[0].Content, Is.EqualTo(assigned.Direction));
            Assert.That(tasks[0].SourceDocumentNumber, Is.EqualTo("125/UBND-KT"));
            Assert.That(created.TaskId, Is.EqualTo(tasks[0].Id));
            Assert.That(created.LeadUnit, Is.EqualTo("SKHĐT"));
            Assert.That(created.Deadline, Is.EqualTo(new DateOnly(2099, 6, 30)));
            Assert.That(created.Secrecy, Is.EqualTo(Secrecy.None), "a public direction makes a public task, said so outright");
        });
    }

    [Test]
    public async Task The_same_direction_delivered_twice_creates_one_task()
    {
        using var capture = new EventCapture(_factory.Broker, Topics.TaskCreated);
        using var leader = _factory.ClientFor(TestUser.Leader);
        var assigned = Assigned("SNV");
        var eventId = await _factory.Broker.PublishAsync(assigned);
        await _factory.Broker.PublishAsync(assigned, eventId);
        // One consumer handles a topic in order, so once a later direction is done both copies were handled.
        var later = Assigned("SNV");
        await _factory.Broker.PublishAsync(later);

        await NextAbout(capture, later.DocumentId);

        Assert.That(await TasksFrom(leader, assigned.DocumentId), Has.Length.EqualTo(1));
        var announced = capture.Received.Select(e => e.Data.Deserialize<TaskCreated>(EventJson.Options)!);
        Assert.That(announced.Count(t => t.SourceDocumentId == assigned.DocumentId), Is.EqualTo(1), "one TaskCreated");
    }
}
