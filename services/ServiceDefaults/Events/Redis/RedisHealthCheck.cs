using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace Platform.ServiceDefaults.Events.Redis;

/// <summary>The "broker" readiness check of the Redis transport: a PING round trip.</summary>
public sealed class RedisHealthCheck(IConnectionMultiplexer redis) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        // A PING sent while disconnected waits in the backlog for the whole command timeout (5 s)
        // before it fails: the probe would answer late, and not ready only after that wait.
        if (!redis.IsConnected) return HealthCheckResult.Unhealthy("redis is not connected");
        try
        {
            var latency = await redis.GetDatabase().PingAsync();
            return HealthCheckResult.Healthy($"redis ping {latency.TotalMilliseconds:0.#} ms");
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy("redis does not answer", exception);
        }
    }
}
