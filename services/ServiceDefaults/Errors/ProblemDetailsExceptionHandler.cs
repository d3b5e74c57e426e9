using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;

namespace Platform.ServiceDefaults.Errors;

/// <summary>
/// Turns every exception into a ProblemDetails a person can read. Bad input is the
/// caller's fault and says what was wrong; anything else is a 500 that reveals nothing.
/// </summary>
public sealed partial class ProblemDetailsExceptionHandler(
    IProblemDetailsService problemDetails,
    ILogger<ProblemDetailsExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var problem = exception switch
        {
            DomainRuleException rule => Problem(rule.StatusCode, "Không thực hiện được yêu cầu", rule.Message, rule.Code),
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } =>
                Problem(413, "Dữ liệu gửi lên quá lớn", "Kích thước yêu cầu vượt quá giới hạn cho phép."),
            BadHttpRequestException bad => Problem(bad.StatusCode, "Yêu cầu không hợp lệ", ExplainBadRequest(bad)),
            JsonException => Problem(400, "Yêu cầu không hợp lệ", "Nội dung JSON không đúng định dạng."),
            // IDX20803: the realm's discovery document could not be read; a sign-in step needs the identity provider, which does not answer.
            InvalidOperationException when exception.Message.StartsWith("IDX20803", StringComparison.Ordinal) => Problem(503,
                "Chưa đăng nhập được", "Máy chủ xác thực tạm thời không trả lời. Vui lòng thử lại sau ít phút.", "identity-provider-unavailable"),
            _ when DatabaseOutage.Caused(exception) => Problem(503, "Dịch vụ tạm thời không sẵn sàng",
                "Cơ sở dữ liệu tạm thời không trả lời; yêu cầu chưa được ghi nhận. Vui lòng thử lại sau ít phút.", "database-unavailable"),
            // Reading a form throws this for a malformed one (a NUL in a value, a broken multipart section).
            InvalidDataException when context.Request.HasFormContentType =>
                Problem(400, "Yêu cầu không hợp lệ", "Dữ liệu biểu mẫu không đúng định dạng hoặc chứa ký tự không hợp lệ."),
            _ when IsRefusedText(exception, "22021", "22P05") =>
                Problem(400, "Yêu cầu không hợp lệ", "Dữ liệu chứa ký tự không hợp lệ (ký tự NUL hoặc mã hóa sai)."),
            _ when IsRefusedText(exception, "22001") =>
                Problem(400, "Yêu cầu không hợp lệ", "Dữ liệu quá dài so với giới hạn cho phép."),
            OperationCanceledException when context.RequestAborted.IsCancellationRequested => null,
            _ => null,
        };
        if (problem is null)
        {
            if (context.RequestAborted.IsCancellationRequested) return true;
            LogUnhandled(logger, exception, context.Request.Path);
            problem = Problem(500, "Lỗi hệ thống", "Đã có lỗi xảy ra khi xử lý yêu cầu. Vui lòng thử lại sau hoặc liên hệ quản trị.");
        }
        context.Response.StatusCode = problem.Status ?? 500;
        if (problem.Status == 503) context.Response.Headers.RetryAfter = "5";
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    /// <summary>
    /// PostgreSQL refuses text it cannot store (a NUL character, bytes its encoding lacks, a value
    /// longer than its column) and the statement, with its transaction, is rolled back: the caller
    /// sent bad text and nothing was written. SQLite stores such text, so the endpoints' own
    /// validation is the first line; this is the net under it.
    /// </summary>
    private static bool IsRefusedText(Exception exception, params string[] sqlStates)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is Npgsql.PostgresException postgres && sqlStates.Contains(postgres.SqlState)) return true;
        }
        return false;
    }

    private static string ExplainBadRequest(BadHttpRequestException exception) =>
        exception.InnerException is JsonException
            ? "Nội dung JSON không đúng định dạng hoặc sai kiểu dữ liệu."
            : "Dữ liệu gửi lên không hợp lệ: " + exception.Message;

    private static ProblemDetails Problem(int status, string title, string detail, string? code = null)
    {
        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail };
        if (code is not null) problem.Extensions["code"] = code;
        return problem;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled error on {Path}")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string path);
}
