using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Contracts;
using Platform.Contracts.Events;
using Platform.Reporting.Domain;
using Platform.Reporting.Persistence;
using Platform.Reporting.Rebuild;
using Platform.ServiceDefaults.Events;
using Platform.TestSupport;
using static Platform.Reporting.Tests.ReportEvents;

namespace Platform.Reporting.Tests;

/// <summary>
/// Reports count secret (mật) documents and tasks but Reporting keeps none of their text: not in the
/// event log it stores, so not in anything built from it. A task event from before tasks carried their
/// secrecy is read as Tuyệt mật.
/// </summary>
[TestFixtureSource(typeof(DatabaseKinds), nameof(DatabaseKinds.All))]
public sealed class SecretEventsTests(DatabaseKind database)
{
    private static readonly Secrecy[] SecretLevels = [Secrecy.Confidential, Secrecy.Secret, Secrecy.TopSecret];

    [Test]
    public void A_task_event_without_a_secrecy_level_is_read_as_top_secret()
    {
        var created = JsonSerializer.Deserialize<TaskCreated>(WithoutSecrecy(TaskEntered(Guid.NewGuid(), new(2020, 1, 2), "KT", null)), EventJson.Options)!;
        var changed = JsonSerializer.Deserialize<TaskStatusChanged>(WithoutSecrecy(Status(Guid.NewGuid(), new(2020, 1, 2), "KT", TaskState.Done)), EventJson.Options)!;
        Assert.That(created.Secrecy, Is.EqualTo(Secrecy.TopSecret));
        Assert.That(changed.Secrecy, Is.EqualTo(Secrecy.TopSecret));
        var level = JsonSerializer.Deserialize<TaskCreated>(JsonSerializer.Serialize(TaskEntered(Guid.NewGuid(), new(2020, 1, 2), "KT", null), EventJson.Options), EventJson.Options)!;
        Assert.That(level.Secrecy, Is.EqualTo(Secrecy.None), "a level that is there is kept");
    }

    [Test]
    public void A_public_event_is_kept_as_it_came()
    {
        object[] events =
        [
            Registered(Guid.NewGuid(), new(2020, 1, 2)), Assigned(Guid.NewGuid(), new(2020, 1, 2), "KT", null),
            Issued(new(2020, 1, 2), "45/UBND-KT"), TaskEntered(Guid.NewGuid(), new(2020, 1, 2), "KT", null),
            Status(Guid.NewGuid(), new(2020, 1, 2), "KT", TaskState.Done) with { Note = "Đã xong" },
        ];
        foreach (var @event in events) Assert.That(SecretRedaction.Of(@event), Is.SameAs(@event));
    }

    [TestCaseSource(nameof(SecretLevels))]
    public void A_secret_event_loses_its_text_and_keeps_what_reports_count(Secrecy level)
    {
        var seed = Seed.Of(level, "UNIT", new(2020, 1, 2));
        var kept = new object[] { seed.Registered, seed.Assigned, seed.Issued, seed.Task, seed.Changed }.Select(SecretRedaction.Of).ToList();
        var text = string.Join("\n", kept.Select(e => JsonSerializer.Serialize(e, e.GetType(), EventJson.Options)));
        Assert.That(text, Does.Not.Contain(seed.Token));
        var issued = (DocumentIssued)kept[2];
        Assert.Multiple(() =>
        {
            Assert.That(FactProjectorUnit(issued.NumberAndCode), Is.EqualTo("KT"), "the drafting unit still reads from the code");
            Assert.That(((TaskCreated)kept[3]).Content, Is.EqualTo(SecretRedaction.Withheld));
            Assert.That(kept[3], Is.EqualTo(seed.Task with { Content = SecretRedaction.Withheld }), "everything else is kept");
            Assert.That(((TaskStatusChanged)kept[4]).Note, Is.EqualTo(SecretRedaction.Withheld));
            Assert.That(((DocumentAssigned)kept[1]).LeadUnit, Is.EqualTo(seed.Assigned.LeadUnit));
        });
    }

    [Test]
    public async Task Secret_documents_and_tasks_are_counted_but_their_text_is_not_stored_and_a_rebuild_gives_the_same_figures()
    {
        using var factory = new ReportingFactory(database);
        using var admin = factory.ClientFor(TestUser.Administrator);
        var day = new DateOnly(2019, 3, 4);
        var seeds = SecretLevels.Select(level => Seed.Of(level, Guid.NewGuid().ToString("N")[..8].ToUpperInvariant(), day)).ToList();
        foreach (var seed in seeds)
        {
            await factory.Broker.PublishAsync(seed.Registered);
            await factory.Broker.PublishAsync(seed.Assigned);
            await factory.Broker.PublishAsync(seed.Issued);
            await factory.Broker.PublishAsync(seed.Task);
            await factory.Broker.PublishAsync(seed.Changed);
        }
        // A task announced before tasks carried their secrecy: its content may be secret, so it is not kept either.
        var old = TaskEntered(Guid.NewGuid(), day, "KT", day.AddDays(10)) with { Content = "Nhiệm vụ cũ OLDTASK" + Guid.NewGuid().ToString("N")[..6] };
        var envelope = EventPublisher.Envelope(old);
        await factory.Broker.PublishAsync(envelope.Topic!, (envelope with { Data = JsonSerializer.SerializeToElement(JsonNode.Parse(WithoutSecrecy(old))) }).ToJson(), default);

        var figures = await Eventually.UntilAsync(() => admin.GetFromJsonAsync<ReportFigures>("/api/reports/indicators?period=year&year=2019"),
            f => f is { Documents: { Received: 3, Issued: 3 }, Tasks.Province: { Total: 4, DoneOnTime: 3 } }, what: "every secret item counted");
        Assert.That(figures!.Documents.IssuedByUnit, Is.EqualTo(new[] { new CountRow("KT", 3) }), "the drafting unit of a secret document is still read from its code");

        // Topics are delivered independently: the figures above do not wait for the directions.
        var log = await Eventually.UntilAsync(async () =>
        {
            using var scope = factory.Services.CreateScope();
            return await scope.ServiceProvider.GetRequiredService<ReportingDbContext>().EventLog.AsNoTracking().Select(e => e.Payload).ToListAsync();
        }, entries => entries.Count == 16, what: "every event in the log");
        var stored = string.Join("\n", log);
        Assert.Multiple(() =>
        {
            foreach (var seed in seeds) Assert.That(stored, Does.Not.Contain(seed.Token), $"the {seed.Level} items' text is stored");
            Assert.That(stored, Does.Not.Contain(old.Content), "the old task's content is stored");
        });

        var before = await admin.GetStringAsync("/api/reports/indicators?period=year&year=2019");
        using var rebuild = await admin.PostAsync("/api/reports/admin/rebuild", null);
        Assert.That(await rebuild.Content.ReadFromJsonAsync<RebuildResult>(), Is.EqualTo(new RebuildResult(16, 0)));
        Assert.That(await admin.GetStringAsync("/api/reports/indicators?period=year&year=2019"), Is.EqualTo(before));
    }

    [Test]
    public async Task A_rebuild_removes_secret_text_an_older_version_kept_in_the_log()
    {
        using var factory = new ReportingFactory(database);
        using var admin = factory.ClientFor(TestUser.Administrator);
        var day = new DateOnly(2018, 5, 7);
        var seed = Seed.Of(Secrecy.Confidential, Guid.NewGuid().ToString("N")[..8].ToUpperInvariant(), day);
        var old = TaskEntered(Guid.NewGuid(), day, "KT", null) with { Content = "Nhiệm vụ cũ OLDTASK" + Guid.NewGuid().ToString("N")[..6] };
        using (var scope = factory.Services.CreateScope())
        {
            // The log as a version before redaction left it: events verbatim, an old task event without its level.
            var db = scope.ServiceProvider.GetRequiredService<ReportingDbContext>();
            var entries = new (string Topic, string Payload)[]
            {
                (Topics.DocumentRegistered, EventLogEntry.PayloadOf(seed.Registered)), (Topics.TaskCreated, EventLogEntry.PayloadOf(seed.Task)),
                (Topics.TaskStatusChanged, EventLogEntry.PayloadOf(seed.Changed)), (Topics.TaskCreated, WithoutSecrecy(old)),
                (Topics.TaskCreated, EventLogEntry.PayloadOf(TaskEntered(Guid.NewGuid(), day, "KT", null))),
            };
            foreach (var (topic, payload) in entries)
            {
                db.EventLog.Add(new EventLogEntry { EventId = Guid.NewGuid().ToString(), Topic = topic, Source = "tests", OccurredAt = At(day).ToUniversalTime(), ConsumedAt = At(day).ToUniversalTime(), Payload = payload });
            }
            await db.SaveChangesAsync();
        }
        using var rebuild = await admin.PostAsync("/api/reports/admin/rebuild", null);
        Assert.That(await rebuild.Content.ReadFromJsonAsync<RebuildResult>(), Is.EqualTo(new RebuildResult(5, 0)));

        using (var scope = factory.Services.CreateScope())
        {
            var stored = string.Join("\n", await scope.ServiceProvider.GetRequiredService<ReportingDbContext>().EventLog.AsNoTracking().Select(e => e.Payload).ToListAsync());
            Assert.That(stored, Does.Not.Contain(seed.Token).And.Not.Contain(old.Content));
            Assert.That(stored, Does.Contain("Tổ chức thực hiện").Or.Contain("T\\u1ED5 ch\\u1EE9c"), "a public task's content is kept");
        }
        var figures = await admin.GetFromJsonAsync<ReportFigures>("/api/reports/indicators?period=year&year=2018");
        Assert.That(figures!.Tasks.Province.Total, Is.EqualTo(3), "the scrubbed tasks still count");
    }

    private static string FactProjectorUnit(string numberAndCode) => Consumers.FactProjector.DraftingUnit(numberAndCode);

    private static string WithoutSecrecy<TEvent>(TEvent @event)
    {
        var node = JsonSerializer.SerializeToNode(@event, EventJson.Options)!.AsObject();
        Assert.That(node.Remove("secrecy"), Is.True, "the event has a secrecy field to leave out");
        return node.ToJsonString();
    }

    /// <summary>A secret document with its direction, the task it made (done on time, with a note) and an issued document; every text carries the token.</summary>
    private sealed record Seed(Secrecy Level, string Token, DocumentRegistered Registered, DocumentAssigned Assigned, DocumentIssued Issued, TaskCreated Task, TaskStatusChanged Changed)
    {
        public static Seed Of(Secrecy level, string run, DateOnly day)
        {
            var token = $"MAT{(int)level}X{run}";
            var document = Guid.NewGuid();
            var task = Guid.NewGuid();
            var number = $"7{(int)level}/{token}/UBND-KT";
            return new(level, token,
                ReportEvents.Registered(document, day) with { Subject = $"Trích yếu {token}", NumberAndCode = number, Secrecy = level },
                ReportEvents.Assigned(document, day, "KT", day.AddDays(20)) with { Subject = $"Trích yếu {token}", Direction = $"Chỉ đạo {token}", NumberAndCode = number, Secrecy = level },
                ReportEvents.Issued(day, number) with { Subject = $"Trích yếu {token}", Secrecy = level },
                TaskEntered(task, day, "KT", day.AddDays(20), document, level) with { Content = $"Chỉ đạo {token}" },
                Status(task, day.AddDays(5), "KT", TaskState.Done) with { Note = $"Đã báo cáo {token}", Secrecy = level });
        }
    }
}
