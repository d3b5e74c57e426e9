using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace Platform.Portal.Submissions;

public static class FeedbackRegistration
{
    /// <summary>
    /// Limits feedback submissions per client address. Only POSTs count, so reading the form
    /// or the status page is never refused. Behind the gateway the client address comes from
    /// X-Forwarded-For, trusted only from Portal:TrustedProxies (loopback by default), so a
    /// visitor cannot pick their own partition by sending the header.
    /// </summary>
    public static WebApplicationBuilder AddFeedback(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<FeedbackOptions>(builder.Configuration.GetSection(FeedbackOptions.Section));
        builder.Services.Configure<ForwardedHeadersOptions>(forwarded =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor;
            foreach (var proxy in builder.Configuration.GetSection("Portal:TrustedProxies").Get<string[]>() ?? [])
            {
                forwarded.KnownProxies.Add(IPAddress.Parse(proxy));
            }
        });
        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // A ProblemDetails like every other refusal (found by tests/Security.Tests: it was plain text).
            limiter.OnRejected = async (context, _) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                    context.HttpContext.Response.Headers.RetryAfter = ((int)retryAfter.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
                await context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context.HttpContext,
                    ProblemDetails =
                    {
                        Status = StatusCodes.Status429TooManyRequests,
                        Detail = "Bạn đã gửi quá nhiều phản ánh trong thời gian ngắn. Vui lòng thử lại sau.",
                    },
                });
            };
            limiter.AddPolicy(FeedbackOptions.RateLimitPolicy, context =>
            {
                if (!HttpMethods.IsPost(context.Request.Method)) return RateLimitPartition.GetNoLimiter("read");
                var options = context.RequestServices.GetRequiredService<IOptions<FeedbackOptions>>().Value;
                var client = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
                return RateLimitPartition.GetFixedWindowLimiter(client, _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = options.PermitLimit,
                    Window = options.Window,
                    QueueLimit = 0,
                });
            });
        });
        return builder;
    }
}
