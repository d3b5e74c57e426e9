namespace Platform.ServiceDefaults.Events;

/// <summary>
/// Handles one integration event. It runs inside the inbox transaction on the service's
/// database context, so its changes and the "handled" mark commit together.
/// </summary>
public interface IEventHandler<in TEvent>
{
    Task HandleAsync(TEvent @event, EventContext context, CancellationToken cancellationToken);
}

/// <summary>The envelope facts a handler may need.</summary>
public sealed record EventContext(string EventId, string Topic, string Source, DateTimeOffset? Time);
