using System.Net;
using Platform.Security.Tests.Endpoints;

namespace Platform.Security.Tests.AccessControl;

/// <summary>
/// How an answer refuses its caller. An API says 401 or 403; the staff console's pages answer a
/// browser, so they say the same by redirecting to the sign-in page (not signed in) or to the
/// no-access page (signed in without the role).
/// </summary>
public static class Refusal
{
    private const string SignInPath = "/staff/dang-nhap";
    private const string NoAccessPath = "/staff/khong-co-quyen";

    /// <summary>401, 403, or null when the answer does not refuse the caller.</summary>
    public static HttpStatusCode? Of(HttpResponseMessage response)
    {
        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden) return response.StatusCode;
        if (response.StatusCode is not (HttpStatusCode.Redirect or HttpStatusCode.Found) || response.Headers.Location is not { } location) return null;
        var path = (location.IsAbsoluteUri ? location.AbsolutePath : location.OriginalString.Split('?')[0]).TrimEnd('/');
        return path switch
        {
            SignInPath => HttpStatusCode.Unauthorized,
            NoAccessPath => HttpStatusCode.Forbidden,
            _ => null,
        };
    }

    /// <summary>What a refused caller should get: 401 without an identity the endpoint takes, else 403.</summary>
    public static HttpStatusCode Expected(ApiEndpoint endpoint, bool signedIn) =>
        signedIn && !endpoint.AuthenticatesItself ? HttpStatusCode.Forbidden : HttpStatusCode.Unauthorized;
}
