using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Platform.Contracts;
using Platform.ServiceDefaults.Events;

namespace Platform.ServiceDefaults.Tests.Support;

/// <summary>A test event; its [Topic] is used only where the outbox needs one.</summary>
[Topic(Topic)]
public sealed record Ping(Guid Id, string Text)
{
    public const string Topic = "servicedefaults-tests-ping";
}

/// <summary>Records each event it handles as a row, committed with the inbox mark.</summary>
public sealed class RecordingHandler(TestDbContext db, HandlerProbe probe) : IEventHandler<Ping>
{
    public Task HandleAsync(Ping @event, EventContext context, CancellationToken cancellationToken)
    {
        probe.Called();
        db.HandledEvents.Add(HandledEvent.Of(@event, context));
        return Task.CompletedTask;
    }
}

/// <summary>A handler whose dependency is down for good.</summary>
public sealed class FailingHandler(HandlerProbe probe) : IEventHandler<Ping>
{
    public Task HandleAsync(Ping @event, EventContext context, CancellationToken cancellationToken)
    {
        probe.Called();
        throw new InvalidOperationException("the handler's dependency is down");
    }
}

/// <summary>Counts handler calls, including those whose transaction rolled back.</summary>
public sealed class HandlerProbe
{
    private int _calls;

    public int Calls => Volatile.Read(ref _calls);

    public void Called() => Interlocked.Increment(ref _calls);
}

/// <summary>Per-test topics and the CloudEvents tests publish on them.</summary>
public static class TestSubscriptions
{
    /// <summary>
    /// Subscribes a handler to a topic named by the test rather than by the event's [Topic],
    /// so every test reads a stream of its own.
    /// </summary>
    public static IServiceCollection AddHandlerOn<TEvent, THandler>(this IServiceCollection services, string topic)
        where THandler : class, IEventHandler<TEvent>
    {
        services.TryAddScoped<THandler>();
        services.TryAddSingleton<HandlerProbe>();
        services.AddSingleton(new EventSubscription(
            topic,
            typeof(TEvent),
            typeof(THandler).Name,
            (provider, @event, context, cancellationToken) =>
                provider.GetRequiredService<THandler>().HandleAsync((TEvent)@event, context, cancellationToken)));
        return services;
    }

    public static string UniqueTopic(string purpose) => $"servicedefaults-tests-{purpose}-{Guid.NewGuid():N}";

    /// <summary>A CloudEvent as the outbox writes it.</summary>
    public static CloudEvent CloudEventOf(Ping ping, string? id = null, string source = "tests") => new()
    {
        Id = id ?? Guid.CreateVersion7().ToString(),
        Source = source,
        Type = nameof(Ping),
        Time = DateTimeOffset.UtcNow,
        Data = System.Text.Json.JsonSerializer.SerializeToElement(ping, EventJson.Options),
    };
}

/// <summary>
/// Records like <see cref="RecordingHandler"/> (same handler name, so the same inbox key),
/// but in a host whose <see cref="Stall"/> is on it hangs until the host stops: a process
/// that dies in the middle of handling.
/// </summary>
public sealed class StallingHandler(TestDbContext db, HandlerProbe probe, Stall stall) : IEventHandler<Ping>
{
    public async Task HandleAsync(Ping @event, EventContext context, CancellationToken cancellationToken)
    {
        probe.Called();
        if (stall.Enabled)
        {
            stall.Reached.TrySetResult();
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        db.HandledEvents.Add(HandledEvent.Of(@event, context));
    }
}

/// <summary>Whether <see cref="StallingHandler"/> hangs in this host, and when it started to.</summary>
public sealed class Stall(bool enabled)
{
    public bool Enabled => enabled;

    public TaskCompletionSource Reached { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
