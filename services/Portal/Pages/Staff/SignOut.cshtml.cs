using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using OpenIddict.Client.AspNetCore;
using Platform.Portal.Staff;
using Platform.Portal.Staff.SignIn;

namespace Platform.Portal.Pages.Staff;

/// <summary>
/// Ends the console session (its server-side ticket is deleted), then sends the browser to the
/// realm's end-session endpoint so the identity provider's own session ends too (front channel).
/// </summary>
public sealed class SignOutModel : StaffPageModel
{
    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        var identityToken = await HttpContext.GetTokenAsync(StaffSession.Scheme, SessionTokens.IdentityToken);
        await HttpContext.SignOutAsync(StaffSession.Scheme);
        var properties = new AuthenticationProperties { RedirectUri = "/" };
        if (identityToken is not null)
        {
            properties.Items[OpenIddictClientAspNetCoreConstants.Properties.IdentityTokenHint] = identityToken;
        }
        return SignOut(properties, OpenIddictClientAspNetCoreDefaults.AuthenticationScheme);
    }
}
