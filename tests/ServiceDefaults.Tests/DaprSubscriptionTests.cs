using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Platform.ServiceDefaults.Events;
using Platform.ServiceDefaults.Tests.Support;

namespace Platform.ServiceDefaults.Tests;

/// <summary>
/// The subscriber side of the Dapr transport, driven the way the sidecar drives it: it reads
/// GET /dapr/subscribe, then POSTs each message to the listed route and reads the status.
/// </summary>
[TestFixture]
public sealed class DaprSubscriptionTests
{
    private const string PubSubName = "platform-pubsub";
    private const string PingTopic = "servicedefaults-tests-dapr-ping";
    private const string FailingTopic = "servicedefaults-tests-dapr-failing";

    private readonly TestDatabase _database = new(TestDatabase.Sqlite);
    private WebApplication _app = null!;
    private HttpClient _sidecar = null!;

    [OneTimeSetUp]
    public async Task StartService()
    {
        await _database.CreateAsync();
        _app = await StartServiceAsync(new Dictionary<string, string?>());
        _sidecar = _app.GetTestClient();
    }

    [OneTimeTearDown]
    public async Task StopService()
    {
        _sidecar?.Dispose();
        if (_app is not null) await _app.DisposeAsync();
        await _database.DropAsync();
    }

    [Test]
    public async Task Subscribe_endpoint_lists_each_topic_with_its_route_and_dead_letter_topic()
    {
        var subscriptions = await _sidecar.GetFromJsonAsync<JsonElement>("/dapr/subscribe");

        Assert.That(subscriptions.GetArrayLength(), Is.EqualTo(2));
        foreach (var topic in new[] { PingTopic, FailingTopic })
        {
            var subscription = subscriptions.EnumerateArray().Single(s => Property(s, "topic") == topic);
            Assert.That(Property(subscription, "pubsubname"), Is.EqualTo(PubSubName));
            Assert.That(Property(subscription, "route"), Is.EqualTo($"dapr/events/{topic}"));
            Assert.That(Property(subscription, "deadLetterTopic"), Is.EqualTo($"{topic}.deadletter"));
        }
    }

    [Test]
    public async Task Cloud_event_from_the_sidecar_runs_the_handler_and_answers_success()
    {
        var (eventId, json) = DaprDelivery(new Ping(Guid.NewGuid(), "qua Dapr"));

        var status = await PostAsync(PingTopic, json);

        Assert.That(status, Is.EqualTo("SUCCESS"));
        Assert.That(await HandledCountAsync(eventId), Is.EqualTo(1));
    }

    [Test]
    public async Task Repeated_event_id_answers_success_without_running_the_handler_again()
    {
        var (eventId, json) = DaprDelivery(new Ping(Guid.NewGuid(), "hai lần"));
        Assert.That(await PostAsync(PingTopic, json), Is.EqualTo("SUCCESS"));

        var status = await PostAsync(PingTopic, json);

        Assert.That(status, Is.EqualTo("SUCCESS"));
        Assert.That(await HandledCountAsync(eventId), Is.EqualTo(1));
        await using var db = _database.NewContext();
        Assert.That(await db.InboxMessages.CountAsync(m => m.EventId == eventId), Is.EqualTo(1));
    }

    [Test]
    public async Task Handler_that_throws_answers_retry()
    {
        var (_, json) = DaprDelivery(new Ping(Guid.NewGuid(), "lỗi"));

        Assert.That(await PostAsync(FailingTopic, json), Is.EqualTo("RETRY"));
    }

    [TestCase("this is not a cloud event", TestName = "Body_that_is_not_a_CloudEvent_answers_drop")]
    [TestCase("""{"specversion":"1.0","id":"d-1","source":"documents","type":"Ping","data":{"id":"not-a-guid"}}""",
        TestName = "Cloud_event_whose_data_has_the_wrong_shape_answers_drop")]
    public async Task Malformed_message_answers_drop(string body)
    {
        Assert.That(await PostAsync(PingTopic, body), Is.EqualTo("DROP"));
    }

    [Test]
    public async Task Routes_refuse_a_caller_without_the_app_api_token_when_one_is_set()
    {
        await using var guarded = await StartServiceAsync(new Dictionary<string, string?> { ["APP_API_TOKEN"] = "s3cret" });
        using var client = guarded.GetTestClient();
        var (_, json) = DaprDelivery(new Ping(Guid.NewGuid(), "có token"));

        using var anonymous = await client.PostAsync($"/dapr/events/{PingTopic}", CloudEventContent(json));
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/dapr/events/{PingTopic}") { Content = CloudEventContent(json) };
        request.Headers.Add("dapr-api-token", "s3cret");
        using var fromSidecar = await client.SendAsync(request);

        Assert.That(anonymous.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(fromSidecar.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    /// <summary>
    /// A service as Program.cs builds it, on the Dapr transport, with a fallback policy that
    /// demands a signed-in user: the sidecar's calls must get through without one.
    /// </summary>
    private async Task<WebApplication> StartServiceAsync(Dictionary<string, string?> extraSettings)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Development" });
        builder.WebHost.UseTestServer();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["EventBus:Transport"] = "dapr",
            ["EventBus:PubSubName"] = PubSubName,
        }.Concat(extraSettings));
        builder.AddServiceDefaults(TestHosts.AppId, validateTokens: false);
        builder.Services.AddAuthentication();
        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        TestHosts.AddServiceParts(builder, _database);
        builder.Services
            .AddHandlerOn<Ping, RecordingHandler>(PingTopic)
            .AddHandlerOn<Ping, FailingHandler>(FailingTopic);
        var app = builder.Build();
        app.UseServiceDefaults();
        await app.StartAsync();
        return app;
    }

    /// <summary>An outbox CloudEvent after the sidecar added its routing and trace fields.</summary>
    private static (string EventId, string Json) DaprDelivery(Ping ping)
    {
        var envelope = TestSubscriptions.CloudEventOf(ping, source: "documents") with
        {
            PubSubName = PubSubName,
            Topic = PingTopic,
            TraceParent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
        };
        return (envelope.Id, envelope.ToJson());
    }

    private async Task<string?> PostAsync(string topic, string body)
    {
        using var response = await _sidecar.PostAsync($"/dapr/events/{topic}", CloudEventContent(body));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>();
        return answer.GetProperty("status").GetString();
    }

    private static StringContent CloudEventContent(string body) => new(body, Encoding.UTF8, "application/cloudevents+json");

    /// <summary>The sidecar reads these names without regard to case; Dapr.AspNetCore writes camelCase.</summary>
    private static string? Property(JsonElement element, string name) =>
        element.EnumerateObject().SingleOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)).Value
            is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;

    private async Task<int> HandledCountAsync(string eventId)
    {
        await using var db = _database.NewContext();
        return await db.HandledEvents.CountAsync(h => h.EventId == eventId);
    }
}
