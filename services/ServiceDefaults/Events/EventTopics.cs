using System.Collections.Concurrent;
using System.Reflection;
using Platform.Contracts;

namespace Platform.ServiceDefaults.Events;

/// <summary>Reads the topic an event record is published on from its <see cref="TopicAttribute"/>.</summary>
public static class EventTopics
{
    private static readonly ConcurrentDictionary<Type, string> Cache = new();

    public static string Of<TEvent>() => Of(typeof(TEvent));

    public static string Of(Type eventType) => Cache.GetOrAdd(eventType, static type =>
        type.GetCustomAttribute<TopicAttribute>()?.Name
        ?? throw new InvalidOperationException($"{type.Name} has no [Topic] attribute; add it in contracts/."));

    public static string DeadLetterOf(string topic) => topic + Topics.DeadLetterSuffix;
}
