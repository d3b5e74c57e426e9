using Platform.Identity.Realm;

namespace Platform.Identity.Tests;

public sealed class RedirectUriMatcherTests
{
    [TestCase("http://127.0.0.1:5123/signin-oidc", "http://127.0.0.1/*", ExpectedResult = true)]
    [TestCase("http://localhost:8080/signin-oidc?x=1", "http://localhost/*", ExpectedResult = true)]
    [TestCase("http://[::1]:9000/cb", "http://[::1]/*", ExpectedResult = true)]
    [TestCase("http://127.0.0.1:5123/signin-oidc", "http://127.0.0.1:5000/*", ExpectedResult = false)]
    [TestCase("https://portal.example.vn/signin-oidc", "https://portal.example.vn/signin-oidc", ExpectedResult = true)]
    [TestCase("https://portal.example.vn:8443/signin-oidc", "https://portal.example.vn/*", ExpectedResult = false)]
    [TestCase("https://portal.example.vn/app/signin", "https://portal.example.vn/app/*", ExpectedResult = true)]
    [TestCase("https://portal.example.vn/other", "https://portal.example.vn/app/*", ExpectedResult = false)]
    [TestCase("https://portal.example.vn/signin-oidc2", "https://portal.example.vn/signin-oidc", ExpectedResult = false)]
    [TestCase("http://127.0.0.1.evil.example/cb", "http://127.0.0.1/*", ExpectedResult = false)]
    [TestCase("http://127.0.0.1@evil.example/cb", "http://127.0.0.1/*", ExpectedResult = false)]
    [TestCase("http://127.0.0.1/cb#fragment", "http://127.0.0.1/*", ExpectedResult = false)]
    [TestCase("http://127.0.0.1/app/../admin", "http://127.0.0.1/app/*", ExpectedResult = false)]
    [TestCase("https://127.0.0.1:5123/cb", "http://127.0.0.1/*", ExpectedResult = false)]
    [TestCase("not a uri", "*", ExpectedResult = false)]
    public bool Redirect_uris_match_by_keycloak_rules_with_any_port_on_loopback(string requested, string registered) =>
        RedirectUriMatcher.Matches(requested, [registered]);
}
