using System.Globalization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using OpenIddict.Abstractions;
using OpenIddict.Client;

namespace Platform.Portal.Staff.SignIn;

/// <summary>
/// Access tokens live minutes, a console session half an hour: before each request the
/// session's access token is renewed with its refresh token when it is about to expire.
/// When the realm refuses (session ended there, user disabled) the console session ends too.
/// </summary>
public static class AccessTokenRefresh
{
    private static readonly TimeSpan Margin = TimeSpan.FromSeconds(30);

    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var expires = SessionTokens.ExpiresAtOf(context.Properties);
        var clock = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>();
        if (expires is null || expires.Value - Margin > clock.GetUtcNow()) return;

        var refreshToken = context.Properties.GetTokenValue(SessionTokens.RefreshToken);
        if (refreshToken is null)
        {
            await RejectAsync(context);
            return;
        }
        var client = context.HttpContext.RequestServices.GetRequiredService<OpenIddictClientService>();
        try
        {
            var result = await client.AuthenticateWithRefreshTokenAsync(new()
            {
                RefreshToken = refreshToken,
                CancellationToken = context.HttpContext.RequestAborted,
            });
            context.Properties.UpdateTokenValue(SessionTokens.AccessToken, result.AccessToken);
            if (result.AccessTokenExpirationDate is { } at)
            {
                context.Properties.UpdateTokenValue(SessionTokens.ExpiresAt, at.ToString("o", CultureInfo.InvariantCulture));
            }
            if (!string.IsNullOrEmpty(result.RefreshToken)) context.Properties.UpdateTokenValue(SessionTokens.RefreshToken, result.RefreshToken);
            context.ShouldRenew = true;
        }
        catch (Exception exception) when (exception is OpenIddictExceptions.ProtocolException or HttpRequestException)
        {
            context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(AccessTokenRefresh))
                .LogInformation(exception, "Staff console session ended: its access token could not be refreshed.");
            await RejectAsync(context);
        }
    }

    private static async Task RejectAsync(CookieValidatePrincipalContext context)
    {
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(StaffSession.Scheme);
    }
}
