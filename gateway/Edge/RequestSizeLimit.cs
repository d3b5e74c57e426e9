using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace Platform.Gateway.Edge;

/// <summary>
/// Refuses an oversized body with 413 before proxying. A declared Content-Length is judged
/// at once; a chunked body is cut by Kestrel's limit while it streams. The limit is the gateway's,
/// or the matched route's own (exchange packages), which routing has chosen before this runs.
/// </summary>
public static class RequestSizeLimit
{
    public static IApplicationBuilder UseRequestSizeLimit(this IApplicationBuilder app)
    {
        var gatewayLimit = app.ApplicationServices.GetRequiredService<IOptions<GatewayOptions>>().Value.MaxRequestBodyBytes;
        return app.Use(async (context, next) =>
        {
            // Most requests (page views, GETs of the API) carry no body: nothing to limit.
            if (context.Features.Get<IHttpRequestBodyDetectionFeature>() is { CanHaveBody: false })
            {
                await next(context);
                return;
            }
            var limit = Routing.ProxyRoutes.MaxRequestBodyBytesOf(context.GetEndpoint()) ?? gatewayLimit;
            if (context.Request.ContentLength > limit)
            {
                context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context,
                    ProblemDetails =
                    {
                        Status = 413,
                        Title = "Dữ liệu gửi lên quá lớn",
                        Detail = $"Kích thước tối đa cho phép là {limit / (1024 * 1024.0):0.#} MB.",
                    },
                });
                return;
            }
            var feature = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
            if (feature is { IsReadOnly: false }) feature.MaxRequestBodySize = limit;
            await next(context);
        });
    }
}
