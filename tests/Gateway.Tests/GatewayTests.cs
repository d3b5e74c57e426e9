using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Gateway.Routing;
using Platform.ServiceDefaults.Auth;

namespace Platform.Gateway.Tests;

public sealed class GatewayTests : BackendsFixture
{
    [Test]
    public void Each_api_area_goes_to_its_service_with_its_policy()
    {
        var (routes, clusters) = ProxyRoutes.Build(Addresses());
        var byPath = routes.ToDictionary(r => r.Match.Path!, r => (r.ClusterId, r.AuthorizationPolicy));
        Assert.Multiple(() =>
        {
            Assert.That(byPath["/api/documents/{**rest}"], Is.EqualTo(("documents", Policies.DocumentsAccess)));
            Assert.That(byPath["/api/tasks/{**rest}"], Is.EqualTo(("tasks", Policies.TasksAccess)));
            Assert.That(byPath["/api/gazette/{**rest}"], Is.EqualTo(("gazette", Policies.GazetteAccess)));
            Assert.That(byPath["/api/gazette/public/{**rest}"], Is.EqualTo(("gazette", "anonymous")));
            Assert.That(byPath["/api/reports/{**rest}"], Is.EqualTo(("reporting", Policies.ReportsAccess)));
            Assert.That(byPath["/{**rest}"], Is.EqualTo(("portal", "anonymous")));
            Assert.That(byPath.ContainsKey("/realms/{**rest}"), Is.False, "no identity route unless Identity runs");
            Assert.That(clusters.Select(c => c.ClusterId), Is.EquivalentTo(ServiceAddresses.Backends));
        });
    }

    [Test]
    public void A_missing_service_address_is_a_clear_startup_error()
    {
        var addresses = Addresses();
        addresses.Remove("gazette");
        using var factory = new GatewayFactory(addresses);
        var error = Assert.Catch(() => factory.CreateClient());
        Assert.That(error!.ToString(), Does.Contain("Services:gazette"));
    }

    [Test]
    public void A_trusted_proxy_that_is_neither_an_address_nor_a_range_is_a_clear_startup_error()
    {
        using var factory = new GatewayFactory(Addresses(), new Dictionary<string, string>
        {
            ["Gateway:TrustedProxies:0"] = "10.0.0.0/8",
            ["Gateway:TrustedProxies:1"] = "ingress.local",
        });
        var error = Assert.Catch(() => factory.CreateClient().GetAsync("/").GetAwaiter().GetResult());
        Assert.That(error!.ToString(), Does.Contain("ingress.local"));
    }

    [Test]
    public async Task Trusted_proxies_may_be_given_as_ranges()
    {
        using var factory = new GatewayFactory(Addresses(), new Dictionary<string, string>
        {
            ["Gateway:TrustedProxies:0"] = "10.0.0.0/8",
            ["Gateway:TrustedProxies:1"] = "192.168.1.10",
        });
        using var client = factory.CreateClient();
        Assert.That((await client.GetAsync("/")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Portal_pages_are_proxied_anonymously_with_a_correlation_id()
    {
        using var factory = new GatewayFactory(Addresses());
        using var client = factory.CreateClient();
        var echo = await client.GetFromJsonAsync<JsonElement>("/tin-tuc/thong-bao");
        Assert.That(echo.GetProperty("service").GetString(), Is.EqualTo("portal"));
        Assert.That(echo.GetProperty("path").GetString(), Is.EqualTo("/tin-tuc/thong-bao"));
        Assert.That(echo.GetProperty("correlationId").GetString(), Has.Length.EqualTo(32));
    }

    [TestCase("/dapr/subscribe")]
    [TestCase("/dapr/events/document-registered")]
    public async Task The_dapr_routes_of_the_portal_are_not_reachable_from_outside(string path)
    {
        using var factory = new GatewayFactory(Addresses());
        using var client = factory.CreateClient();
        using var get = await client.GetAsync(path);
        using var post = await client.PostAsync(path, new StringContent("{}"));
        Assert.That(new[] { get.StatusCode, post.StatusCode }, Is.All.EqualTo(HttpStatusCode.NotFound));
        Assert.That(await get.Content.ReadAsStringAsync(), Does.Not.Contain("\"service\""));
    }

    [Test]
    public async Task The_published_gazette_and_signature_checks_are_reached_without_a_token()
    {
        using var factory = new GatewayFactory(Addresses());
        using var client = factory.CreateClient();
        var echo = await client.GetFromJsonAsync<JsonElement>("/api/gazette/public/issues?year=2026");
        Assert.That(echo.GetProperty("service").GetString(), Is.EqualTo("gazette"));
        var verification = await client.GetFromJsonAsync<JsonElement>("/api/documents/outgoing/0b6d1d5e-0000-0000-0000-000000000001/verification");
        Assert.That(verification.GetProperty("service").GetString(), Is.EqualTo("documents"));
        using var register = await client.GetAsync("/api/gazette/register");
        Assert.That(register.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), "the register is staff-only");
    }

    [Test]
    public async Task Other_agencies_reach_the_exchange_inbox_without_a_realm_token_but_nothing_else_of_the_exchange()
    {
        using var factory = new GatewayFactory(Addresses());
        using var client = factory.CreateClient();
        using var post = await client.PostAsync("/api/documents/exchange/packages", new StringContent("<edXML/>"));
        Assert.That(post.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await post.Content.ReadAsStringAsync(), Does.Contain("\"documents\""));
        var certificate = await client.GetFromJsonAsync<JsonElement>("/api/documents/exchange/certificate");
        Assert.That(certificate.GetProperty("service").GetString(), Is.EqualTo("documents"));
        using var received = await client.GetAsync("/api/documents/exchange/received");
        Assert.That(received.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        using var getPackages = await client.GetAsync("/api/documents/exchange/packages");
        Assert.That(getPackages.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), "only POST is open");
    }

    [Test]
    public async Task An_api_call_without_a_token_never_reaches_the_service()
    {
        using var factory = new GatewayFactory(Addresses());
        using var client = factory.CreateClient();
        using var response = await client.GetAsync("/api/documents/incoming");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Not.Contain("\"service\""));
    }

    [Test]
    public async Task A_declared_oversized_body_is_413_with_a_problem()
    {
        using var factory = new GatewayFactory(Addresses(), new Dictionary<string, string> { ["Gateway:MaxRequestBodyBytes"] = "1000" });
        using var client = factory.CreateClient();
        using var response = await client.PostAsync("/phan-anh", new ByteArrayContent(new byte[5000]));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("quá lớn"));
    }

    [Test]
    public async Task An_exchange_package_over_the_upload_limit_reaches_documents_up_to_the_inbox_limit()
    {
        using var factory = new GatewayFactory(Addresses());
        using var client = factory.CreateClient();
        var sixtyMegabytes = new byte[60 * 1024 * 1024];

        using var package = await client.PostAsync("/api/documents/exchange/packages", new ByteArrayContent(sixtyMegabytes));
        Assert.That(package.StatusCode, Is.EqualTo(HttpStatusCode.OK), await package.Content.ReadAsStringAsync());
        var reached = await package.Content.ReadFromJsonAsync<JsonElement>();
        Assert.That((reached.GetProperty("service").GetString(), reached.GetProperty("bodyBytes").GetInt64()), Is.EqualTo(("documents", sixtyMegabytes.LongLength)));

        using var elsewhere = await client.PostAsync("/phan-anh", new ByteArrayContent(sixtyMegabytes));
        Assert.That(elsewhere.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge), "50 MB everywhere else");
        Assert.That(await elsewhere.Content.ReadAsStringAsync(), Does.Contain("50 MB"));

        using var tooLarge = await client.PostAsync("/api/documents/exchange/packages",
            new ByteArrayContent(new byte[Platform.Contracts.ExchangeLimits.MaxPackageBytes + 1]));
        Assert.That(tooLarge.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
        Assert.That(await tooLarge.Content.ReadAsStringAsync(), Does.Contain("64 MB"));
    }

    [Test]
    public async Task Too_many_requests_from_one_address_get_429()
    {
        using var factory = new GatewayFactory(Addresses(), new Dictionary<string, string> { ["Gateway:RequestsPerMinute"] = "3" });
        using var client = factory.CreateClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            using var response = await client.GetAsync("/");
            statuses.Add(response.StatusCode);
        }
        Assert.That(statuses.Take(3), Is.All.EqualTo(HttpStatusCode.OK));
        Assert.That(statuses.Skip(3), Is.All.EqualTo(HttpStatusCode.TooManyRequests));
    }

    [Test]
    public async Task The_health_page_shows_a_service_that_is_down()
    {
        var addresses = Addresses();
        addresses["reporting"] = new Uri("http://127.0.0.1:9");
        using var factory = new GatewayFactory(addresses);
        using var client = factory.CreateClient();
        using var response = await client.GetAsync("/health/services");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        var services = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("services")
            .EnumerateArray().ToDictionary(s => s.GetProperty("service").GetString()!, s => s.GetProperty("status").GetString());
        Assert.That(services["reporting"], Is.EqualTo("Unreachable"));
        Assert.That(services["documents"], Is.EqualTo("Healthy"));
    }
}
