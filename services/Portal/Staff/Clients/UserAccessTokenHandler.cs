using System.Net.Http.Headers;
using Microsoft.AspNetCore.Authentication;
using Platform.Portal.Staff.SignIn;

namespace Platform.Portal.Staff.Clients;

/// <summary>
/// Sends the signed-in person's own access token: each service applies its own rules (role,
/// unit, clearance) to that person, so the console can never show more than they may see.
/// </summary>
public sealed class UserAccessTokenHandler(IHttpContextAccessor accessor) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var context = accessor.HttpContext ?? throw new InvalidOperationException("The staff console calls services only while serving a request.");
        var token = await context.GetTokenAsync(StaffSession.Scheme, SessionTokens.AccessToken);
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await base.SendAsync(request, cancellationToken);
    }
}
