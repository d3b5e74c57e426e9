using Platform.Documents.Domain;
using Platform.Documents.Persistence;
using Platform.ServiceDefaults.Auth;

namespace Platform.Documents.Audit;

/// <summary>Adds audit entries to the caller's unit of work, so the entry commits or rolls back with the change it records.</summary>
public sealed class AuditTrail(DocumentsDbContext db, IHttpContextAccessor http, TimeProvider clock)
{
    public void Record(Guid documentId, string action, object? fromStatus = null, object? toStatus = null, string? detail = null)
    {
        var context = http.HttpContext;
        var user = context?.User;
        db.AuditEntries.Add(new AuditEntry
        {
            Id = Guid.CreateVersion7(),
            DocumentId = documentId,
            Action = action,
            FromStatus = fromStatus?.ToString(),
            ToStatus = toStatus?.ToString(),
            Actor = user?.Identity?.IsAuthenticated == true ? user.Username() : "anonymous",
            ActorUnit = user?.Unit(),
            AtUtc = clock.GetUtcNow().UtcDateTime,
            IpAddress = context is null ? null : ClientAddress(context),
            Detail = detail is { Length: > 1000 } ? detail[..1000] : detail,
        });
    }

    /// <summary>
    /// The gateway is the only way in and it sets X-Forwarded-For after resolving its own trusted
    /// proxies, so the last entry is the client it saw; earlier entries are whatever the client
    /// claimed and are not believed.
    /// </summary>
    public static string? ClientAddress(HttpContext context)
    {
        var forwarded = context.Request.Headers["X-Forwarded-For"].ToString();
        if (!string.IsNullOrWhiteSpace(forwarded))
        {
            var last = forwarded.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault();
            if (last is { Length: > 0 and <= 64 }) return last;
        }
        return context.Connection.RemoteIpAddress?.ToString();
    }
}
