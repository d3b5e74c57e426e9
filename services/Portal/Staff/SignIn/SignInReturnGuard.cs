namespace Platform.Portal.Staff.SignIn;

/// <summary>
/// Runs before authentication: a return to the sign-in or sign-out callback that carries no
/// <c>state</c> is no answer of the realm at all, and gets a Vietnamese ProblemDetails here
/// (the OpenIddict client would answer it with bare text).
/// </summary>
public sealed class SignInReturnGuard : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, nextMiddleware) =>
        {
            if (IsReturnPath(context.Request.Path) && !await CarriesStateAsync(context.Request))
            {
                await Results.Problem(title: "Đăng nhập không thành công",
                    detail: "Địa chỉ trả về không phải là phản hồi của máy chủ xác thực. Vui lòng đăng nhập lại.",
                    statusCode: StatusCodes.Status400BadRequest).ExecuteAsync(context);
                return;
            }
            await nextMiddleware();
        });
        next(app);
    };

    private static bool IsReturnPath(PathString path) =>
        path.Equals("/" + StaffSession.CallbackPath, StringComparison.OrdinalIgnoreCase)
        || path.Equals("/" + StaffSession.SignedOutPath, StringComparison.OrdinalIgnoreCase);

    private static async Task<bool> CarriesStateAsync(HttpRequest request)
    {
        if (!string.IsNullOrEmpty(request.Query["state"])) return true;
        if (!HttpMethods.IsPost(request.Method) || !request.HasFormContentType) return false;
        try
        {
            var form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
            return !string.IsNullOrEmpty(form["state"]);
        }
        catch (Exception exception) when (exception is InvalidDataException or BadHttpRequestException or IOException)
        {
            return false;
        }
    }
}
