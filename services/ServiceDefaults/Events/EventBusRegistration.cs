using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Platform.ServiceDefaults.Events.Dapr;
using Platform.ServiceDefaults.Events.Inbox;
using Platform.ServiceDefaults.Events.InMemory;
using Platform.ServiceDefaults.Events.Outbox;
using Platform.ServiceDefaults.Events.Redis;

namespace Platform.ServiceDefaults.Events;

public static class EventBusRegistration
{
    /// <summary>
    /// The outbox, the inbox and the transport chosen by EventBus:Transport. Needs the
    /// service's database (<see cref="Storage.DatabaseRegistration"/>).
    /// </summary>
    public static IHostApplicationBuilder AddEventBus(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        var section = builder.Configuration.GetSection(EventBusOptions.Section);
        services.Configure<EventBusOptions>(section);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<OutboxSignal>();
        services.TryAddScoped<Outbox.Outbox>();
        services.TryAddSingleton<IEventDelivery, InboxEventDelivery>();
        services.AddSingleton<OutboxDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxDispatcher>());

        var transport = (section[nameof(EventBusOptions.Transport)] ?? "redis").ToLowerInvariant();
        switch (transport)
        {
            case "inmemory":
                services.TryAddSingleton<InMemoryEventBroker>();
                services.AddSingleton<IEventTransport, InMemoryTransport>();
                services.AddHostedService<InMemoryConsumer>();
                services.AddHealthChecks().AddCheck("broker", () => HealthCheckResult.Healthy("in-memory"), ["ready"]);
                break;
            case "redis":
                builder.AddRedisStreamsTransport();
                break;
            case "dapr":
                builder.AddDaprTransport();
                break;
            default:
                throw new InvalidOperationException(
                    $"EventBus:Transport '{transport}' is unknown; use redis, dapr or inmemory.");
        }
        return builder;
    }

    /// <summary>
    /// The handler's name in the inbox. Generic handlers carry their arguments
    /// (RecordEvent&lt;TaskCreated&gt;), so two closed types never share one inbox identity.
    /// </summary>
    public static string HandlerName(Type handler) => !handler.IsGenericType
        ? handler.Name
        : $"{handler.Name[..handler.Name.IndexOf('`')]}<{string.Join(",", handler.GetGenericArguments().Select(HandlerName))}>";

    /// <summary>Subscribes a handler to the topic of its event record.</summary>
    public static IServiceCollection AddEventHandler<TEvent, THandler>(this IServiceCollection services)
        where THandler : class, IEventHandler<TEvent>
    {
        services.TryAddScoped<THandler>();
        services.AddSingleton(new EventSubscription(
            EventTopics.Of<TEvent>(),
            typeof(TEvent),
            HandlerName(typeof(THandler)),
            (provider, @event, context, cancellationToken) =>
                provider.GetRequiredService<THandler>().HandleAsync((TEvent)@event, context, cancellationToken)));
        return services;
    }
}
