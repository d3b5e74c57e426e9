using System.Net.Http.Json;
using Grpc.Core;
using Grpc.Net.Client;
using Platform.Contracts.Grpc.Tasks;
using Platform.Tasks.Apis;
using Platform.TestSupport;

namespace Platform.Tasks.Tests;

/// <summary>The gRPC TasksQuery service Reporting and the Portal call.</summary>
public sealed class TasksQueryGrpcTests
{
    private TasksFactory _factory = null!;

    [OneTimeSetUp]
    public void Start() => _factory = new TasksFactory(DatabaseKind.Sqlite);

    [OneTimeTearDown]
    public void Stop() => _factory.Dispose();

    private TasksQuery.TasksQueryClient Client(out GrpcChannel channel)
    {
        _factory.ClientFor(null).Dispose();
        channel = GrpcChannel.ForAddress(_factory.Server.BaseAddress, new GrpcChannelOptions { HttpHandler = _factory.Server.CreateHandler() });
        return new TasksQuery.TasksQueryClient(channel);
    }

    private static Metadata As(TestUser user) => new() { { TestUser.Header, user.Encode() } };

    [Test]
    public async Task A_unit_s_tasks_are_listed_and_read_over_grpc()
    {
        using var leader = _factory.ClientFor(TestUser.Leader);
        var created = new List<TaskView>();
        for (var i = 0; i < 3; i++)
        {
            var response = await leader.PostAsJsonAsync("/api/tasks", new { content = $"Nhiệm vụ {i}", leadUnit = "SCT", deadline = "2026-12-31" });
            created.Add((await response.Content.ReadFromJsonAsync<TaskView>())!);
        }
        var client = Client(out var channel);
        using (channel)
        {
            var page = await client.ListTasksByUnitAsync(new ListTasksByUnitRequest { Unit = "SCT", Page = 1, PageSize = 2 }, As(TestUser.Leader));
            Assert.That(page.Total, Is.EqualTo(3));
            Assert.That(page.Tasks, Has.Count.EqualTo(2));

            var one = await client.GetTaskAsync(new GetTaskRequest { TaskId = created[0].Id.ToString() }, As(TestUser.Leader));
            Assert.Multiple(() =>
            {
                Assert.That(one.LeadUnit, Is.EqualTo("SCT"));
                Assert.That(one.Deadline, Is.EqualTo("2026-12-31"));
                Assert.That(one.Status, Is.EqualTo("NotStarted"));
                Assert.That(one.Timeliness, Is.EqualTo("OnTime"));
            });

            var outsider = TestUser.Specialist with { Unit = "SYT" };
            var hidden = Assert.ThrowsAsync<RpcException>(() => client.GetTaskAsync(new GetTaskRequest { TaskId = created[0].Id.ToString() }, As(outsider)).ResponseAsync)!;
            Assert.That(hidden.StatusCode, Is.EqualTo(StatusCode.NotFound));
            var anonymous = Assert.ThrowsAsync<RpcException>(() => client.ListTasksByUnitAsync(new ListTasksByUnitRequest()).ResponseAsync)!;
            Assert.That(anonymous.StatusCode, Is.EqualTo(StatusCode.Unauthenticated));
        }
    }
}
