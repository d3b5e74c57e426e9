using System.Collections;
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

    public static IApplicationBuilder UseCorrelationId(this IApplicationBuilder app)
    {
        // Resolved once: every request runs this, and a lookup per request showed in the profile.
        var logger = app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger("Platform.Gateway");
        return app.Use(async (context, next) =>
        {
            var incoming = context.Request.Headers[Header];
            var id = incoming.Count == 1 && WellFormed().IsMatch(incoming[0]!) ? incoming[0]! : NewId();
            context.Request.Headers[Header] = id;
            context.Response.Headers[Header] = id;
            using (logger.BeginScope(new Scope(id)))
            {
                await next(context);
            }
        });
    }

    /// <summary>
    /// 128 random bits as 32 hex digits, the shape of Guid.NewGuid().ToString("N"). An id only has to
    /// be unique, not unguessable; Guid.NewGuid reads the kernel's secure random source, a system call
    /// per request that showed in the gateway's profile, where Random.Shared draws from memory.
    /// </summary>
    private static string NewId()
    {
        Span<byte> bits = stackalloc byte[16];
        Random.Shared.NextBytes(bits);
        return Convert.ToHexStringLower(bits);
    }

    // Anything else is replaced: the id ends up in logs, so no control characters or floods.
    [GeneratedRegex("^[A-Za-z0-9._-]{8,64}$")]
    private static partial Regex WellFormed();

    /// <summary>The log scope's one property, without a dictionary per request.</summary>
    private sealed class Scope(string id) : IReadOnlyList<KeyValuePair<string, object>>
    {
        public int Count => 1;
        public KeyValuePair<string, object> this[int index] =>
            index == 0 ? new("CorrelationId", id) : throw new ArgumentOutOfRangeException(nameof(index));
        public IEnumerator<KeyValuePair<string, object>> GetEnumerator() { yield return this[0]; }
        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
        public override string ToString() => "CorrelationId:" + id;
    }
}
