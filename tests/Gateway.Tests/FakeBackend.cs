using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Platform.TestSupport;

namespace Platform.Gateway.Tests;

/// <summary>A stand-in service on a loopback port: ready, and echoing what reached it.</summary>
public sealed class FakeBackend : IAsyncDisposable
{
    private readonly WebApplication _app;

    public string Name { get; }
    public Uri Url { get; }

    private FakeBackend(string name, WebApplication app, Uri url)
    {
        Name = name;
        _app = app;
        Url = url;
    }

    public static async Task<FakeBackend> StartAsync(string name)
    {
        var url = new Uri($"http://127.0.0.1:{FreePorts.Next()}");
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(url.ToString());
        var app = builder.Build();
        app.MapGet("/health/ready", () => Results.Json(new { status = "Healthy" }));
        app.Map("/{**rest}", async Task<IResult> (HttpContext context) => Results.Text(JsonSerializer.Serialize(new
        {
            service = name,
            // Read to the end, so a test sees the whole body came through the gateway.
            bodyBytes = await CountBodyAsync(context),
            path = context.Request.Path.Value,
            correlationId = context.Request.Headers["X-Correlation-Id"].ToString(),
            forwardedFor = context.Request.Headers["X-Forwarded-For"].ToString(),
            idempotencyKey = context.Request.Headers["Idempotency-Key"].ToString(),
        }), "application/json"));
        await app.StartAsync();
        return new FakeBackend(name, app, url);
    }

    /// <summary>The backend takes any size: the limits under test are the gateway's.</summary>
    private static async Task<long> CountBodyAsync(HttpContext context)
    {
        var limit = context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>();
        if (limit is { IsReadOnly: false }) limit.MaxRequestBodySize = null;
        var buffer = new byte[81920];
        long total = 0;
        int read;
        while ((read = await context.Request.Body.ReadAsync(buffer)) > 0) total += read;
        return total;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
