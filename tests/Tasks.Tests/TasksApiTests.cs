using System.Net;
using System.Net.Http.Json;
using Platform.TestSupport;
using Platform.Tasks.Apis;

namespace Platform.Tasks.Tests;

[TestFixtureSource(typeof(DatabaseKinds), nameof(DatabaseKinds.All))]
public sealed class TasksApiTests(DatabaseKind database)
{
    private TasksFactory _factory = null!;

    [OneTimeSetUp]
    public void Start() => _factory = new TasksFactory(database);

    [OneTimeTearDown]
    public void Stop() => _factory.Dispose();

    private static object NewTask(string leadUnit, params string[] supportingUnits) => new
    {
        content = "Rà soát, báo cáo kết quả thực hiện kết luận của Chủ tịch UBND tỉnh tại cuộc họp giao ban",
        leadUnit,
        supportingUnits,
        deadline = "2099-01-15",
    };

    private static TestUser SpecialistOf(string unit) => TestUser.Specialist with { Username = "chuyenvien-" + unit, Unit = unit };

    [Test]
    public async Task A_leader_enters_a_task_directly()
    {
        using var leader = _factory.ClientFor(TestUser.Leader);
        var response = await leader.PostAsJsonAsync("/api/tasks", NewTask("SXD", "STC"));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        var task = (await response.Content.ReadFromJsonAsync<TaskView>())!;
        Assert.Multiple(() =>
        {
            Assert.That(response.Headers.Location?.ToString(), Is.EqualTo($"/api/tasks/{task.Id}"));
            Assert.That(task.LeadUnit, Is.EqualTo("SXD"));
            Assert.That(task.AssignedBy, Is.EqualTo(TestUser.Leader.Username));
            Assert.That(task.State, Is.EqualTo("NotStarted"));
            Assert.That(task.Timeliness, Is.EqualTo("OnTime"));
        });
        Assert.That((await leader.GetAsync($"/api/tasks/{task.Id}")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task A_specialist_cannot_enter_a_task()
    {
        using var specialist = _factory.ClientFor(TestUser.Specialist);
        var response = await specialist.PostAsJsonAsync("/api/tasks", NewTask(TestUser.Specialist.Unit));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [Test]
    public async Task A_specialist_sees_the_tasks_of_their_unit_and_not_another_units()
    {
        using var leader = _factory.ClientFor(TestUser.Leader);
        var task = (await (await leader.PostAsJsonAsync("/api/tasks", NewTask("SYT", "SLĐTBXH"))).Content.ReadFromJsonAsync<TaskView>())!;

        using var outsider = _factory.ClientFor(SpecialistOf("SGDĐT"));
        Assert.That((await outsider.GetAsync($"/api/tasks/{task.Id}")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        var outsiderList = await outsider.GetFromJsonAsync<TaskView[]>("/api/tasks");
        Assert.That(outsiderList!.Select(t => t.Id), Does.Not.Contain(task.Id));
        var filtered = await outsider.GetFromJsonAsync<TaskView[]>("/api/tasks?unit=SYT");
        Assert.That(filtered!.Select(t => t.Id), Does.Not.Contain(task.Id), "asking for the unit by name does not widen the view");

        using var lead = _factory.ClientFor(SpecialistOf("SYT"));
        Assert.That((await lead.GetFromJsonAsync<TaskView[]>("/api/tasks"))!.Select(t => t.Id), Does.Contain(task.Id));
        using var supporting = _factory.ClientFor(SpecialistOf("SLĐTBXH"));
        Assert.That((await supporting.GetAsync($"/api/tasks/{task.Id}")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task A_task_without_content_or_lead_unit_is_refused_with_a_problem()
    {
        using var leader = _factory.ClientFor(TestUser.Leader);
        var response = await leader.PostAsJsonAsync("/api/tasks", new { content = " ", deadline = "2001-01-01" });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(body, Does.Contain("Content").And.Contain("LeadUnit").And.Contain("Deadline"));
    }

    [Test]
    public async Task Nobody_signed_out_reads_tasks()
    {
        using var anonymous = _factory.ClientFor(null);
        Assert.That((await anonymous.GetAsync("/api/tasks")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }
}
