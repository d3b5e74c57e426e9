using System.Globalization;
using Microsoft.AspNetCore.Authentication;
using static OpenIddict.Client.AspNetCore.OpenIddictClientAspNetCoreConstants;

namespace Platform.Portal.Staff.SignIn;

/// <summary>The tokens a console session keeps, under the names ASP.NET's token store uses.</summary>
public static class SessionTokens
{
    public const string AccessToken = "access_token";
    public const string RefreshToken = "refresh_token";
    public const string IdentityToken = "id_token";
    public const string ExpiresAt = "expires_at";

    public static IEnumerable<AuthenticationToken> From(AuthenticationProperties signIn)
    {
        yield return new() { Name = AccessToken, Value = signIn.GetTokenValue(Tokens.BackchannelAccessToken)! };
        if (signIn.GetTokenValue(Tokens.BackchannelAccessTokenExpirationDate) is { } expires) yield return new() { Name = ExpiresAt, Value = expires };
        if (signIn.GetTokenValue(Tokens.RefreshToken) is { } refresh) yield return new() { Name = RefreshToken, Value = refresh };
        if (signIn.GetTokenValue(Tokens.BackchannelIdentityToken) is { } id) yield return new() { Name = IdentityToken, Value = id };
    }

    public static DateTimeOffset? ExpiresAtOf(AuthenticationProperties properties) =>
        DateTimeOffset.TryParse(properties.GetTokenValue(ExpiresAt), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at) ? at : null;
}
