using Dapr;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Platform.ServiceDefaults.Events.Dapr;

/// <summary>
/// GET /dapr/subscribe (Dapr.AspNetCore's subscribe handler) and one POST route per
/// subscribed topic, each declaring its dead-letter topic, which the sidecar calls with every
/// message of that topic.
/// </summary>
/// <remarks>
/// The routes read the request body as the whole structured CloudEvent
/// (application/cloudevents+json) and do not use app.UseCloudEvents(): that middleware
/// replaces the body with the event's data, and the envelope's id, which the inbox keys
/// repeats on, would only survive as an optional header. So a service on this event bus must
/// not add UseCloudEvents either; if it did, every message would arrive without an id and be
/// dropped to the dead-letter topic, with an error logged.
/// </remarks>
public sealed class DaprSubscriptionEndpoints(
    IEnumerable<EventSubscription> subscriptions,
    IOptions<EventBusOptions> options,
    IConfiguration configuration) : IEndpointContributor
{
    /// <summary>Routes are literal (the subscribe handler lists only literal route patterns).</summary>
    public const string RoutePrefix = "/dapr/events/";

    public void Map(WebApplication app)
    {
        // The sidecar calls without a user token; APP_API_TOKEN, when set, is checked instead.
        app.MapSubscribeHandler().AllowAnonymous().ExcludeFromDescription();
        var appApiToken = DaprSidecar.AppApiToken(configuration);
        foreach (var topic in subscriptions.Select(s => s.Topic).Distinct())
        {
            app.MapPost(RoutePrefix + topic, (HttpContext http, IEventDelivery delivery, CancellationToken cancellationToken) =>
                    DaprTopicRoute.HandleAsync(topic, http, delivery, appApiToken, cancellationToken))
                .WithTopic(new TopicOptions
                {
                    PubsubName = options.Value.PubSubName,
                    Name = topic,
                    DeadLetterTopic = EventTopics.DeadLetterOf(topic),
                })
                .AllowAnonymous()
                .ExcludeFromDescription();
        }
    }
}
