using System.Text.RegularExpressions;

namespace Platform.Gateway.Edge;

/// <summary>
/// Gives every request an X-Correlation-Id (kept from the caller when it is well-formed),
/// passes it to the service and back to the caller, and puts it in the log scope, so one
/// id finds a request in every service's logs.
/// </summary>
public static partial class CorrelationId
{
    public const string Header = "X-Correlation-Id";

    public static IApplicationBuilder UseCorrelationId(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var incoming = context.Request.Headers[Header].ToString();
        var id = WellFormed().IsMatch(incoming) ? incoming : Guid.NewGuid().ToString("N");
        context.Request.Headers[Header] = id;
        context.Response.Headers[Header] = id;
        var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Platform.Gateway");
        using (logger.BeginScope(new Dictionary<string, object> { ["CorrelationId"] = id }))
        {
            await next(context);
        }
    });

    // Anything else is replaced: the id ends up in logs, so no control characters or floods.
    [GeneratedRegex("^[A-Za-z0-9._-]{8,64}$")]
    private static partial Regex WellFormed();
}
