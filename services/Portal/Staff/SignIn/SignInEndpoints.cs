using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using OpenIddict.Client;
using OpenIddict.Client.AspNetCore;
using OpenIddict.Validation;
using static OpenIddict.Client.AspNetCore.OpenIddictClientAspNetCoreConstants;

namespace Platform.Portal.Staff.SignIn;

/// <summary>
/// Đăng nhập / đăng xuất of the console: the challenge that sends a person to the realm's login
/// page, the return from it, and the return from the realm's end-session endpoint.
/// Signing out itself is a form post (Pages/Staff/SignOut), so it carries an antiforgery token.
/// </summary>
public static class SignInEndpoints
{
    public static void MapStaffSignIn(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(StaffSession.SignInPath, ChallengeAsync);
        endpoints.MapMethods("/" + StaffSession.CallbackPath, ["GET", "POST"], SignedInAsync);
        endpoints.MapMethods("/" + StaffSession.SignedOutPath, ["GET", "POST"], async (HttpContext context) =>
        {
            var result = await context.AuthenticateAsync(OpenIddictClientAspNetCoreDefaults.AuthenticationScheme);
            return Results.Redirect(LocalOrHome(result.Properties?.RedirectUri));
        });
    }

    /// <summary>
    /// Sends the person to the realm's login page. The challenge needs the realm's discovery
    /// document; when the identity provider does not answer, the person gets a 503 saying so
    /// (the client would otherwise answer a bare 400 in plain text).
    /// </summary>
    private static async Task<IResult> ChallengeAsync(HttpContext context, OpenIddictClientService client, ILoggerFactory logs, string? returnUrl)
    {
        try
        {
            // Cached by the client after the first success, so this costs a request only while the realm is unreachable.
            foreach (var registration in await client.GetClientRegistrationsAsync(context.RequestAborted))
            {
                await client.GetServerConfigurationByIssuerAsync(registration.Issuer!, context.RequestAborted);
            }
        }
        catch (Exception exception) when (exception is InvalidOperationException or HttpRequestException
            or OpenIddict.Abstractions.OpenIddictExceptions.ProtocolException)
        {
            logs.CreateLogger(typeof(SignInEndpoints)).LogWarning(exception, "Identity provider unreachable at sign-in");
            return Results.Problem(title: "Chưa đăng nhập được",
                detail: "Máy chủ xác thực tạm thời không trả lời. Vui lòng thử lại sau ít phút.",
                statusCode: StatusCodes.Status503ServiceUnavailable, type: "identity-provider-unavailable");
        }
        return Results.Challenge(new AuthenticationProperties { RedirectUri = LocalOrHome(returnUrl) },
            [OpenIddictClientAspNetCoreDefaults.AuthenticationScheme]);
    }

    private static async Task<IResult> SignedInAsync(HttpContext context, OpenIddictValidationService validation, ILoggerFactory logs)
    {
        AuthenticateResult result;
        try
        {
            result = await context.AuthenticateAsync(OpenIddictClientAspNetCoreDefaults.AuthenticationScheme);
        }
        catch (Exception exception) when (exception is InvalidOperationException or InvalidDataException or BadHttpRequestException)
        {
            // A return that is no answer of the realm at all (a bare post, a broken form) is refused like a failed one.
            logs.CreateLogger(typeof(SignInEndpoints)).LogWarning(exception, "Sign-in return refused");
            result = AuthenticateResult.Fail(exception);
        }
        var accessToken = result.Properties?.GetTokenValue(Tokens.BackchannelAccessToken);
        if (!result.Succeeded || accessToken is null)
        {
            return Results.Problem(title: "Đăng nhập không thành công",
                detail: "Máy chủ xác thực không trả về phiên đăng nhập hợp lệ. Vui lòng đăng nhập lại.", statusCode: StatusCodes.Status400BadRequest);
        }
        ClaimsPrincipal tokenPrincipal;
        try
        {
            tokenPrincipal = await validation.ValidateAccessTokenAsync(accessToken, context.RequestAborted);
        }
        catch (OpenIddict.Abstractions.OpenIddictExceptions.ProtocolException exception)
        {
            logs.CreateLogger(typeof(SignInEndpoints)).LogWarning("Access token from sign-in refused: {Error} {Description}", exception.Error, exception.ErrorDescription);
            return Results.Problem(title: "Đăng nhập không thành công",
                detail: "Mã truy cập không hợp lệ với các dịch vụ của hệ thống.", statusCode: StatusCodes.Status400BadRequest);
        }
        var principal = StaffSession.PrincipalFrom(tokenPrincipal, result.Principal?.FindFirst("name")?.Value);
        var properties = new AuthenticationProperties { RedirectUri = LocalOrHome(result.Properties!.RedirectUri) };
        properties.StoreTokens(SessionTokens.From(result.Properties!));
        return Results.SignIn(principal, properties, StaffSession.Scheme);
    }

    /// <summary>Only a path on this site: a return address must never send a person elsewhere.</summary>
    public static string LocalOrHome(string? returnUrl) =>
        returnUrl is { Length: > 0 } && returnUrl[0] == '/' && (returnUrl.Length == 1 || (returnUrl[1] != '/' && returnUrl[1] != '\\'))
            ? returnUrl : "/staff";
}
