using Platform.Security.Tests.Endpoints;
using Platform.Security.Tests.Hosting;

namespace Platform.Security.Tests.BadInput;

/// <summary>
/// services/Identity against the same generated corpus: no 5xx. Its refusals follow the protocols
/// it speaks rather than ProblemDetails: OAuth errors as JSON (RFC 6749 section 5.2) and the login
/// page as HTML, and an authorization request it cannot send back to a verified redirect URI as plain
/// text (OpenIddict's answer; Keycloak shows an error page), so those are accepted besides ProblemDetails.
/// Its endpoints read their forms themselves, so the OAuth parameters are attacked by name as well.
/// </summary>
public sealed class IdentityBadInputTests
{
    private static readonly string[] Refusals = ["application/problem+json", "application/json", "text/html", "text/plain"];

    private static readonly string[] OAuthParameters =
        ["grant_type", "client_id", "client_secret", "username", "password", "scope", "refresh_token", "code", "redirect_uri", "code_verifier"];

    private static readonly string[] HostileValues =
        [HostileRequests.Script, HostileRequests.SqlInjection, HostileRequests.Nfd, HostileRequests.Huge, HostileRequests.Traversal, "a\0b", "\ud800x", "\u0001\u202e"];

    private static IEnumerable<(string What, HttpRequestMessage Message)> OAuthAttacks()
    {
        foreach (var parameter in OAuthParameters)
        {
            foreach (var value in HostileValues)
            {
                var fields = new Dictionary<string, string> { ["grant_type"] = "password", ["client_id"] = "platform-cli", ["username"] = "vanthu", ["password"] = "sai", [parameter] = value };
                yield return ($"token {parameter}={value[..Math.Min(value.Length, 20)]}",
                    new HttpRequestMessage(HttpMethod.Post, "realms/platform/protocol/openid-connect/token") { Content = new FormUrlEncodedContent(fields) });
                yield return ($"authorize {parameter}={value[..Math.Min(value.Length, 20)]}",
                    new HttpRequestMessage(HttpMethod.Get, $"realms/platform/protocol/openid-connect/auth?client_id=portal&response_type=code&{parameter}={Uri.EscapeDataString(value.Length > 1000 ? value[..1000] : value)}"));
            }
        }
    }

    [Test]
    public async Task Hostile_requests_to_the_identity_server_get_no_server_error()
    {
        await using var identity = SharedRealm.Start();
        var endpoints = EndpointCatalog.Of("identity", identity.Services).Where(e => !BadInputTests.SharedPlumbing(e)).ToList();
        Assert.That(endpoints, Has.Count.GreaterThan(3));
        using var client = identity.Browser();
        var failures = new List<string>();
        var sent = 0;
        foreach (var request in endpoints.SelectMany(HostileRequests.For))
        {
            using var message = request.ToMessage();
            message.RequestUri = new Uri(identity.BaseAddress, message.RequestUri!.OriginalString.TrimStart('/'));
            using var response = await client.SendAsync(message);
            sent++;
            var status = (int)response.StatusCode;
            var contentType = response.Content.Headers.ContentType?.MediaType;
            if (status >= 500) failures.Add($"{request}: {status}");
            else if (status >= 400 && !Refusals.Contains(contentType)) failures.Add($"{request}: {status} answered as {contentType ?? "nothing"}");
        }
        foreach (var (what, message) in OAuthAttacks())
        {
            using (message)
            using (var response = await client.SendAsync(message))
            {
                sent++;
                var status = (int)response.StatusCode;
                var contentType = response.Content.Headers.ContentType?.MediaType;
                if (status >= 500) failures.Add($"{what}: {status}");
                else if (status >= 400 && !Refusals.Contains(contentType)) failures.Add($"{what}: {status} answered as {contentType ?? "nothing"}");
            }
        }
        TestContext.Out.WriteLine($"identity: {endpoints.Count} endpoints, {sent} hostile requests");
        Assert.That(failures, Is.Empty, $"{failures.Count} of {sent} failed:\n" + string.Join("\n", failures.Take(60)));
    }
}
