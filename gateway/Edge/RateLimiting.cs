using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Platform.Gateway.Edge;

/// <summary>
/// A fixed window per client address. The public portal is the target of scrapers and
/// form floods; staff behind the office NAT share an address, so the default is generous.
/// </summary>
public static class RateLimiting
{
    public static IServiceCollection AddEdgeRateLimiting(this IServiceCollection services, GatewayOptions options)
    {
        var window = new FixedWindowRateLimiterOptions
        {
            PermitLimit = options.RequestsPerMinute,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        };
        // Made once: the partition lookup runs on every request, and this factory only for a new address.
        Func<IPAddress, RateLimiter> newLimiter = _ => new FixedWindowRateLimiter(window);
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // Keyed by the address itself rather than its text, which would be a new string per request.
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, IPAddress>(context =>
                new RateLimitPartition<IPAddress>(context.Connection.RemoteIpAddress ?? IPAddress.None, newLimiter));
            limiter.OnRejected = async (rejected, cancellationToken) =>
            {
                var http = rejected.HttpContext;
                if (rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    http.Response.Headers.RetryAfter = ((int)retryAfter.TotalSeconds).ToString();
                }
                await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = http,
                    ProblemDetails = { Status = 429, Title = "Quá nhiều yêu cầu", Detail = "Bạn gửi quá nhiều yêu cầu trong thời gian ngắn. Vui lòng thử lại sau ít phút." },
                });
            };
        });
        return services;
    }
}
