using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;
using Platform.Gateway.Edge;
using Platform.Gateway.Routing;
using Yarp.ReverseProxy.Forwarder;

namespace Platform.Gateway.Tests;

/// <summary>What the edge leaves out per request: token validation on anonymous routes, telemetry nobody collects.</summary>
public sealed class EdgeCostTests : BackendsFixture
{
    // Shaped like a realm token (header, claims, signature), so that validating it means fetching the issuer's keys.
    private const string JwtShapedToken =
        "eyJhbGciOiJSUzI1NiIsInR5cCI6ImF0K2p3dCIsImtpZCI6IngifQ.eyJpc3MiOiJodHRwOi8vMTI3LjAuMC4xOjkvcmVhbG1zL3BsYXRmb3JtIiwic3ViIjoieCJ9.c2ln";

    [Test]
    public async Task A_bearer_token_is_validated_on_protected_routes_and_not_on_anonymous_ones()
    {
        // Validating a realm token starts with the issuer's discovery document: the stand-in
        // issuer counts those requests, so the test sees whether the gateway validated at all.
        var discoveryRequests = 0;
        await using var issuer = await StartCountingIssuerAsync(() => Interlocked.Increment(ref discoveryRequests));
        using var factory = new GatewayFactory(Addresses(), new Dictionary<string, string> { ["Identity:Issuer"] = new Uri(issuer.Url, "realms/platform").ToString() });
        using var client = factory.CreateClient();
        foreach (var path in new[] { "/tin-tuc", "/api/gazette/public/issues" })
        {
            using var response = await client.SendAsync(WithToken(path));
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), $"{path}: {await response.Content.ReadAsStringAsync()}");
        }
        Assert.That(Volatile.Read(ref discoveryRequests), Is.Zero, "anonymous routes pass the token on without validating it");

        using var tasks = await client.SendAsync(WithToken("/api/tasks/mine"));
        Assert.That(tasks.StatusCode, Is.Not.EqualTo(HttpStatusCode.OK), "a token that cannot be validated does not open a protected route");
        Assert.That(Volatile.Read(ref discoveryRequests), Is.GreaterThan(0), "a protected route validates the token");
    }

    private static HttpRequestMessage WithToken(string path)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", JwtShapedToken);
        return request;
    }

    private sealed record CountingIssuer(WebApplication App, Uri Url) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => App.DisposeAsync();
    }

    private static async Task<CountingIssuer> StartCountingIssuerAsync(Action counted)
    {
        var url = new Uri($"http://127.0.0.1:{Platform.TestSupport.FreePorts.Next()}/");
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(url.ToString());
        var app = builder.Build();
        app.Run(context =>
        {
            counted();
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        });
        await app.StartAsync();
        return new CountingIssuer(app, url);
    }

    [Test]
    public async Task A_protected_route_still_asks_for_a_token()
    {
        using var factory = new GatewayFactory(Addresses());
        using var client = factory.CreateClient();
        using var response = await client.GetAsync("/api/tasks/mine");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(response.Headers.WwwAuthenticate.Select(h => h.Scheme), Does.Contain("Bearer"), "the challenge comes from the token validation");
    }

    [Test]
    public void Routes_ask_for_a_caller_only_where_their_authorization_does()
    {
        static Endpoint With(params object[] metadata) => new(_ => Task.CompletedTask, new EndpointMetadataCollection(metadata), "test");
        Assert.Multiple(() =>
        {
            Assert.That(EndpointAuthenticationHandlerProvider.RequiresCaller(With(new AuthorizeAttribute("documents")), false), Is.True);
            Assert.That(EndpointAuthenticationHandlerProvider.RequiresCaller(With(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build()), false), Is.True);
            Assert.That(EndpointAuthenticationHandlerProvider.RequiresCaller(With(new AuthorizeAttribute(), new AllowAnonymousAttribute()), false), Is.False);
            Assert.That(EndpointAuthenticationHandlerProvider.RequiresCaller(With(), false), Is.False);
            Assert.That(EndpointAuthenticationHandlerProvider.RequiresCaller(With(), true), Is.True, "a fallback policy covers endpoints without metadata");
            Assert.That(EndpointAuthenticationHandlerProvider.RequiresCaller(null, false), Is.False);
            Assert.That(EndpointAuthenticationHandlerProvider.RequiresCaller(null, true), Is.True);
        });
    }

    [Test]
    public void Without_an_otlp_endpoint_there_is_no_tracing_and_no_trace_headers_to_the_services()
    {
        using var factory = new GatewayFactory(Addresses());
        _ = factory.Server;
        Assert.That(factory.Services.GetService<TracerProvider>(), Is.Null);
        Assert.That(factory.Services.GetRequiredService<IForwarderHttpClientFactory>(), Is.InstanceOf<UntracedForwarderClientFactory>());
    }

    [Test]
    public void With_an_otlp_endpoint_traces_are_collected_and_propagated()
    {
        using var factory = new GatewayFactory(Addresses(), new Dictionary<string, string> { ["OTEL_EXPORTER_OTLP_ENDPOINT"] = "http://127.0.0.1:9" });
        _ = factory.Server;
        Assert.That(factory.Services.GetService<TracerProvider>(), Is.Not.Null);
        Assert.That(factory.Services.GetRequiredService<IForwarderHttpClientFactory>(), Is.Not.InstanceOf<UntracedForwarderClientFactory>());
    }

    [Test]
    public async Task A_well_formed_correlation_id_is_kept_and_a_malformed_one_replaced()
    {
        using var factory = new GatewayFactory(Addresses());
        using var client = factory.CreateClient();
        using var kept = new HttpRequestMessage(HttpMethod.Get, "/");
        kept.Headers.Add(CorrelationId.Header, "abc-123.XYZ_789");
        using var keptResponse = await client.SendAsync(kept);
        var echo = await keptResponse.Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(echo.GetProperty("correlationId").GetString(), Is.EqualTo("abc-123.XYZ_789"));
        Assert.That(keptResponse.Headers.GetValues(CorrelationId.Header), Is.EqualTo(new[] { "abc-123.XYZ_789" }));

        using var replaced = new HttpRequestMessage(HttpMethod.Get, "/");
        replaced.Headers.Add(CorrelationId.Header, "bad id\twith spaces");
        using var replacedResponse = await client.SendAsync(replaced);
        var replacedEcho = await replacedResponse.Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(replacedEcho.GetProperty("correlationId").GetString(), Has.Length.EqualTo(32).And.Not.Contain(" "));
    }

    [Test]
    public async Task Generated_correlation_ids_are_32_hex_digits_and_differ_per_request()
    {
        using var factory = new GatewayFactory(Addresses());
        using var client = factory.CreateClient();
        var ids = new HashSet<string>();
        for (var i = 0; i < 50; i++)
        {
            using var response = await client.GetAsync("/");
            ids.Add(response.Headers.GetValues(CorrelationId.Header).Single());
        }
        Assert.That(ids, Has.Count.EqualTo(50));
        Assert.That(ids, Has.All.Match("^[0-9a-f]{32}$"));
    }

    [Test]
    public async Task The_idempotency_key_of_a_write_reaches_the_service_every_time()
    {
        // The service keeps the answers in its own database and replays them; the gateway has no
        // database, keeps nothing and must not stand between a retry and the service.
        using var factory = new GatewayFactory(Addresses());
        using var client = factory.CreateClient();
        for (var attempt = 0; attempt < 2; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/phan-anh") { Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json") };
            request.Headers.Add("Idempotency-Key", "gop-y-42");
            using var response = await client.SendAsync(request);
            var echo = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.That(echo.GetProperty("service").GetString(), Is.EqualTo(ServiceAddresses.Portal), $"attempt {attempt + 1}");
            Assert.That(echo.GetProperty("idempotencyKey").GetString(), Is.EqualTo("gop-y-42"), $"attempt {attempt + 1}");
        }
    }

    [Test]
    public async Task Responses_carry_the_security_headers_and_no_server_header()
    {
        using var factory = new GatewayFactory(Addresses());
        using var client = factory.CreateClient();
        using var response = await client.GetAsync("/");
        Assert.Multiple(() =>
        {
            Assert.That(response.Headers.Server, Is.Empty, "the service's Kestrel header is removed");
            Assert.That(response.Headers.GetValues("X-Content-Type-Options"), Is.EqualTo(new[] { "nosniff" }));
            Assert.That(response.Headers.GetValues("X-Frame-Options"), Is.EqualTo(new[] { "DENY" }));
            Assert.That(response.Headers.GetValues("Referrer-Policy"), Is.EqualTo(new[] { "strict-origin-when-cross-origin" }));
            Assert.That(response.Content.Headers.Contains("Content-Security-Policy") || response.Headers.Contains("Content-Security-Policy"), Is.True);
            Assert.That(response.Headers.Contains("Strict-Transport-Security"), Is.False, "only over HTTPS");
        });
    }
}
