using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Platform.ServiceDefaults.Errors;

public static class ProblemDetailsRegistration
{
    private static readonly Dictionary<int, string> TitlesByStatus = new()
    {
        [400] = "Yêu cầu không hợp lệ",
        [401] = "Chưa đăng nhập hoặc phiên đăng nhập đã hết hạn",
        [403] = "Không có quyền thực hiện thao tác này",
        [404] = "Không tìm thấy",
        [405] = "Phương thức không được hỗ trợ",
        [409] = "Xung đột dữ liệu",
        [413] = "Dữ liệu gửi lên quá lớn",
        [415] = "Định dạng nội dung không được hỗ trợ",
        [429] = "Quá nhiều yêu cầu, vui lòng thử lại sau",
        [500] = "Lỗi hệ thống",
        [503] = "Dịch vụ tạm thời không sẵn sàng",
    };

    /// <summary>ProblemDetails for every error, with Vietnamese titles and the trace id to quote to support.</summary>
    public static IServiceCollection AddPlatformProblemDetails(this IServiceCollection services)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            var status = context.ProblemDetails.Status ?? context.HttpContext.Response.StatusCode;
            if (TitlesByStatus.TryGetValue(status, out var title)
                && (context.ProblemDetails.Title is null || context.ProblemDetails.Title == ReasonPhrase(status)))
            {
                context.ProblemDetails.Title = title;
            }
            context.ProblemDetails.Extensions["traceId"] = Activity.Current?.TraceId.ToString() ?? context.HttpContext.TraceIdentifier;
        });
        services.AddExceptionHandler<ProblemDetailsExceptionHandler>();
        // Binding failures in minimal APIs throw, so the handler above can explain them.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        return services;
    }

    private static string? ReasonPhrase(int status) => Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status);
}
