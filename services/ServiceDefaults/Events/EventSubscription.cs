namespace Platform.ServiceDefaults.Events;

/// <summary>
/// One handler subscribed to one topic. The invoke delegate is built when the handler is
/// registered, so delivery needs no reflection.
/// </summary>
public sealed record EventSubscription(
    string Topic,
    Type EventType,
    string HandlerName,
    Func<IServiceProvider, object, EventContext, CancellationToken, Task> Invoke);
