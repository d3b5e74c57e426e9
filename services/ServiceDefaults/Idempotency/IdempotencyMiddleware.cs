using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.ServiceDefaults.Auth;
using Platform.ServiceDefaults.Storage;

namespace Platform.ServiceDefaults.Idempotency;

/// <summary>
/// Honours the Idempotency-Key header on writes (POST, PUT, PATCH, DELETE) of a service with a
/// database, so a client that lost an answer (a crash, a dropped connection) can send the same
/// request again without it being carried out twice.
/// </summary>
/// <remarks>
/// The request runs in one database transaction that first inserts the key, then lets the
/// endpoint write (an endpoint's own transaction joins it, see
/// <see cref="TransactionJoining"/>), then stores the answer and commits: the write and its
/// answer are kept together or not at all, whenever the process dies. A second request with
/// the key waits on the first's insert and then replays the stored answer. Answers of 500 and
/// above roll the write back and are not kept, so a retry runs again. Writes made elsewhere
/// (an Orleans grain) are not inside the transaction; their answer is still kept.
/// </remarks>
public sealed class IdempotencyMiddleware(RequestDelegate next)
{
    public const string Header = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotency-Replayed";
    private const int MaxKeyLength = 200;
    private const int MaxStoredBody = 1024 * 1024;

    public async Task InvokeAsync(HttpContext context, TimeProvider clock)
    {
        var key = context.Request.Headers[Header].ToString();
        if (key.Length == 0 || HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)
            || HttpMethods.IsOptions(context.Request.Method) || context.RequestServices.GetService<ServiceDbContext>() is not { } db)
        {
            await next(context);
            return;
        }
        if (key.Length > MaxKeyLength)
        {
            await ProblemAsync(context, StatusCodes.Status400BadRequest, "Khóa chống gửi trùng không hợp lệ",
                $"Tiêu đề {Header} dài tối đa {MaxKeyLength} ký tự.", "idempotency-key-invalid");
            return;
        }
        var scopedKey = $"{context.User.Username()}|{key}";
        var path = context.Request.Path.ToString();
        if (await ReplayAsync(context, db, scopedKey, path)) return;

        var cancellationToken = context.RequestAborted;
        await using var transaction = await db.Database.BeginWriteTransactionAsync(cancellationToken);
        var record = new IdempotentRequest
        {
            Key = scopedKey,
            Method = context.Request.Method,
            Path = path,
            ReceivedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.Set<IdempotentRequest>().Add(record);
        try
        {
            // Taken first: a twin request with this key waits here until this one commits.
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            await transaction.RollbackAsync(CancellationToken.None);
            db.ChangeTracker.Clear();
            if (!await ReplayAsync(context, db, scopedKey, path)) throw;
            return;
        }

        var originalBody = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = originalBody;
        }

        // By id: on SQLite the transaction in hand wraps the context's own (SqliteWriteGate).
        var endpointRolledBack = db.Database.CurrentTransaction?.TransactionId != transaction.TransactionId;
        if (!endpointRolledBack && context.Response.StatusCode < 500)
        {
            record.StatusCode = context.Response.StatusCode;
            record.ContentType = context.Response.ContentType;
            record.Location = context.Response.Headers.Location.ToString() is { Length: > 0 } location ? location : null;
            record.Body = buffer.Length <= MaxStoredBody ? buffer.ToArray() : null;
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        // Otherwise leaving the using rolls back: a failed write leaves nothing behind, and a retry runs afresh.
        buffer.Position = 0;
        await buffer.CopyToAsync(originalBody, cancellationToken);
    }

    /// <summary>Writes the stored answer for a key seen before; false when the key is new.</summary>
    private static async Task<bool> ReplayAsync(HttpContext context, ServiceDbContext db, string scopedKey, string path)
    {
        var stored = await db.Set<IdempotentRequest>().AsNoTracking().FirstOrDefaultAsync(r => r.Key == scopedKey, context.RequestAborted);
        if (stored is null) return false;
        if (!string.Equals(stored.Path, path, StringComparison.Ordinal) || !HttpMethods.Equals(stored.Method, context.Request.Method))
        {
            await ProblemAsync(context, StatusCodes.Status422UnprocessableEntity, "Khóa chống gửi trùng đã được dùng",
                $"Khóa {Header} này đã dùng cho một yêu cầu khác ({stored.Method} {stored.Path}); mỗi yêu cầu cần một khóa riêng.",
                "idempotency-key-reused");
            return true;
        }
        context.Response.StatusCode = stored.StatusCode ?? StatusCodes.Status200OK;
        if (stored.ContentType is not null) context.Response.ContentType = stored.ContentType;
        if (stored.Location is not null) context.Response.Headers.Location = stored.Location;
        context.Response.Headers[ReplayedHeader] = "true";
        if (stored.Body is { Length: > 0 } body) await context.Response.Body.WriteAsync(body, context.RequestAborted);
        return true;
    }

    private static async Task ProblemAsync(HttpContext context, int status, string title, string detail, string code)
    {
        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail };
        problem.Extensions["code"] = code;
        context.Response.StatusCode = status;
        await context.RequestServices.GetRequiredService<IProblemDetailsService>()
            .WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem });
    }
}
