using System.Net;
using Platform.Security.Tests.BruteForce;
using Platform.TestSupport;

namespace Platform.Security.Tests.Hosting;

/// <summary>
/// A person signed in to the staff console as a browser does it: the portal's sign-in link, the realm's
/// login page, back to the portal's callback, which sets the session cookie. The portal is the in-memory
/// host (http://localhost, which the realm file's portal client accepts as a redirect address).
/// </summary>
public static class StaffConsoleSession
{
    public static readonly Uri PortalAddress = new("http://localhost/");

    /// <summary>A client of <paramref name="portal"/> holding <paramref name="username"/>'s console session.</summary>
    public static async Task<HttpClient> SignInAsync(RunningService portal, IdentityServer realm, string username)
    {
        var console = portal.ClientFor(null);
        using var toRealm = await console.GetAsync("/staff/dang-nhap?returnUrl=%2Fstaff");
        Assert.That(toRealm.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), "the sign-in link sends the person to the realm");
        using var browser = realm.Browser();
        var next = toRealm.Headers.Location!;
        for (var hop = 0; next.IsAbsoluteUri && next.Authority == realm.BaseAddress.Authority; hop++)
        {
            Assert.That(hop, Is.LessThan(8), $"{username} never came back from the realm (last at {next})");
            using var response = await browser.GetAsync(next);
            using var answered = response.StatusCode == HttpStatusCode.OK
                ? await RealmLogin.SubmitAsync(browser, next, username, RealmLogin.Password) : null;
            var location = (answered ?? response).Headers.Location
                ?? throw new AssertionException($"the realm answered {(int)(answered ?? response).StatusCode} at {next} for {username}");
            next = location.IsAbsoluteUri ? location : new Uri(next, location);
        }
        // The sign-in's correlation cookie is Secure, which a cookie jar keeps off plain http://localhost; a
        // browser on the real site (https) sends it back, so the test does that by hand.
        using var callback = new HttpRequestMessage(HttpMethod.Get, next.PathAndQuery);
        var correlation = toRealm.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies.Select(c => c.Split(';')[0]).ToList() : [];
        if (correlation.Count > 0) callback.Headers.Add("Cookie", string.Join("; ", correlation));
        using var back = await console.SendAsync(callback);
        Assert.That(back.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), $"{username}'s return to the console: {await back.Content.ReadAsStringAsync()}");
        Assert.That(back.Headers.Location?.OriginalString, Is.EqualTo("/staff"), $"{username} is signed in and sent on to the console");
        return console;
    }
}
