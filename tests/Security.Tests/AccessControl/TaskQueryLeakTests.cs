using System.Text.Json;
using Grpc.Core;
using Platform.Contracts;
using Platform.Contracts.Grpc.Tasks;
using Platform.Security.Tests.Hosting;
using Platform.ServiceDefaults.Events;
using Platform.TestSupport;

namespace Platform.Security.Tests.AccessControl;

/// <summary>
/// A task made from a direction on a secret document is as secret as the document. Directions are given on
/// documents at every secrecy level (and on a public control); once the Tasks service has made their tasks,
/// every caller asks the gRPC query service (GetTask by id, ListTasksByUnit for every unit and for the lead
/// unit) and every GET of the REST API with the secret task and document ids: a task above the caller's
/// clearance, or its content, never appears. Each task is announced to other services with its document's level.
/// </summary>
public sealed class TaskQueryLeakTests
{
    [Test]
    public async Task No_task_above_the_callers_clearance_appears_over_gRPC_or_REST()
    {
        await using var running = PlatformServices.Start("tasks", DatabaseKind.Sqlite);
        var run = Guid.NewGuid().ToString("N")[..8];
        var (secrets, control) = SecretSeed.Set(run, DateTimeOffset.UtcNow);
        var watch = new LeakWatch();
        using var announced = new EventCapture(running.Broker, Topics.TaskCreated);
        foreach (var seed in secrets.Append(control))
        {
            if (seed.Level != Secrecy.None) watch.Watch(seed.Level, [.. seed.Texts]);
            await running.Broker.PublishAsync(seed.Assigned);
        }
        using var channel = running.GrpcChannel();
        var tasks = new TasksQuery.TasksQueryClient(channel);
        // The Tuyệt mật leader sees every task: once all four are there, the secret ones exist to be hidden.
        var made = await Eventually.Returns(
            async () => await tasks.ListTasksByUnitAsync(new ListTasksByUnitRequest { Unit = SecretSeed.LeadUnit, PageSize = 100 }, As(TestUser.Leader)),
            list => secrets.Append(control).All(seed => list.Tasks.Any(t => t.Content.Contains(seed.Token, StringComparison.Ordinal))),
            "the Tasks service to make a task of every direction");
        var secretTasks = made.Tasks.Where(t => secrets.Any(s => t.Content.Contains(s.Token, StringComparison.Ordinal))).ToList();
        Assert.That(watch.LevelsIn(made.ToString()), Is.EqualTo(secrets.Select(s => s.Level)), "the watch recognises every secret task in what the cleared leader is shown");

        // What the Tasks service tells other services carries each task's level, so none of them needs to guess.
        var levels = await Eventually.Returns(
            () => Task.FromResult(announced.Received.Select(e => e.Data.Deserialize<Platform.Contracts.Events.TaskCreated>(EventJson.Options)!)
                .GroupBy(e => e.SourceDocumentId!.Value).ToDictionary(g => g.Key, g => g.First().Secrecy)),
            found => secrets.Append(control).All(seed => found.ContainsKey(seed.Assigned.DocumentId)), "every task announced");
        Assert.That(secrets.Append(control).Select(seed => levels[seed.Assigned.DocumentId]), Is.EqualTo(secrets.Append(control).Select(seed => seed.Level)));

        var callers = Principals.All.Select(p => (Role: p.Key, User: p.Value, MayShow: LeakWatch.ClearanceOf(p.Value))).ToList();
        foreach (var (role, user, mayShow) in callers)
        {
            foreach (var unit in new[] { "", SecretSeed.LeadUnit })
            {
                watch.Inspect(role, $"gRPC ListTasksByUnit '{unit}'", await AskAsync(() => tasks.ListTasksByUnitAsync(
                    new ListTasksByUnitRequest { Unit = unit, PageSize = 100 }, As(user)).ResponseAsync), mayShow);
            }
            foreach (var task in secretTasks)
            {
                watch.Inspect(role, $"gRPC GetTask {task.TaskId}", await AskAsync(() => tasks.GetTaskAsync(
                    new GetTaskRequest { TaskId = task.TaskId }, As(user)).ResponseAsync), mayShow);
            }
        }
        var ids = secretTasks.SelectMany(t => new[] { t.TaskId, t.SourceDocumentId }).ToList();
        await new LeakSweep(running, watch)
        {
            RouteValues = input => input.Constraint == "guid" || input.ValueType == typeof(Guid) ? ids : null,
            QueryValue = input => input.Name == "unit" ? SecretSeed.LeadUnit : null,
        }.RunAsync(callers);
        watch.AssertNone("tasks");
    }

    private static Metadata As(TestUser? user) => user is null ? [] : new() { { TestUser.Header, user.Encode() } };

    /// <summary>The answer as text, or the refusal's status and message (which must not name the task either).</summary>
    private static async Task<string> AskAsync<T>(Func<Task<T>> call) where T : class
    {
        try
        {
            return (await call())!.ToString()!;
        }
        catch (RpcException refusal)
        {
            return $"{refusal.StatusCode} {refusal.Status.Detail}";
        }
    }
}
