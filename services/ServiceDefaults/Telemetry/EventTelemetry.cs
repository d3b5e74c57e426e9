using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Platform.ServiceDefaults.Telemetry;

/// <summary>
/// Spans and counters of the event bus. A handler's span continues the trace of the
/// request that raised the event (the CloudEvent's traceparent), so one trace shows a
/// registration in Documents and its effect in Reporting.
/// </summary>
public static class EventTelemetry
{
    public const string Name = "Platform.Events";

    public static readonly ActivitySource Source = new(Name);
    private static readonly Meter Meter = new(Name);

    public static readonly Counter<long> Published = Meter.CreateCounter<long>("platform.events.published", description: "Events published from the outbox");
    public static readonly Counter<long> Handled = Meter.CreateCounter<long>("platform.events.handled", description: "Events handled, by outcome");
    public static readonly Counter<long> DeadLettered = Meter.CreateCounter<long>("platform.events.dead_lettered", description: "Events moved to a dead-letter topic");

    public static Activity? StartHandling(string topic, string? traceParent) =>
        Source.StartActivity($"{topic} process", ActivityKind.Consumer,
            ActivityContext.TryParse(traceParent, null, out var parent) ? parent : default);

    public static Activity? StartPublishing(string topic) => Source.StartActivity($"{topic} publish", ActivityKind.Producer);
}
