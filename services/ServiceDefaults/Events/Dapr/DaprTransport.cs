using System.Text;
using Dapr.Client;
using Microsoft.Extensions.Options;

namespace Platform.ServiceDefaults.Events.Dapr;

/// <summary>Publishes through the Dapr sidecar to the pub/sub component named by EventBus:PubSubName.</summary>
public sealed class DaprTransport(DaprClient dapr, IOptions<EventBusOptions> options) : IEventTransport
{
    public const string CloudEventContentType = "application/cloudevents+json";

    public Task PublishAsync(string topic, string cloudEventJson, CancellationToken cancellationToken) =>
        // The payload is already a whole CloudEvent. Sent as raw bytes with this content type the
        // sidecar forwards it as it is (adding only its routing and trace fields) instead of
        // wrapping it in a second envelope with an id of its own, so the outbox's event id is
        // the one subscribers' inboxes see.
        dapr.PublishByteEventAsync(
            options.Value.PubSubName, topic, Encoding.UTF8.GetBytes(cloudEventJson), CloudEventContentType,
            cancellationToken: cancellationToken);
}
