using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Dapr.Client.Autogen.Grpc.v1;
using Google.Protobuf;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Empty = Google.Protobuf.WellKnownTypes.Empty;

namespace Platform.ServiceDefaults.Tests.Support;

/// <summary>
/// Stands where the Dapr sidecar would: DaprClient's gRPC publish call on one loopback port,
/// the HTTP health endpoint on another. It records what it was asked to publish.
/// </summary>
public sealed class FakeDaprSidecar : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeDaprSidecar(WebApplication app, int grpcPort, int httpPort)
    {
        _app = app;
        Published = app.Services.GetRequiredService<PublishLog>().Calls;
        GrpcEndpoint = $"http://127.0.0.1:{grpcPort}";
        HttpEndpoint = $"http://127.0.0.1:{httpPort}";
    }

    public string GrpcEndpoint { get; }

    public string HttpEndpoint { get; }

    /// <summary>Every publish call, in the order received.</summary>
    public ConcurrentQueue<PublishedEvent> Published { get; }

    public static async Task<FakeDaprSidecar> StartAsync()
    {
        var (grpcPort, httpPort) = (FreePort(), FreePort());
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            // gRPC without TLS needs HTTP/2 with prior knowledge, so that port speaks only HTTP/2.
            kestrel.Listen(IPAddress.Loopback, grpcPort, listen => listen.Protocols = HttpProtocols.Http2);
            kestrel.Listen(IPAddress.Loopback, httpPort, listen => listen.Protocols = HttpProtocols.Http1);
        });
        builder.Services.AddGrpc();
        builder.Services.AddSingleton<PublishLog>();
        var app = builder.Build();
        var sidecar = new FakeDaprSidecar(app, grpcPort, httpPort);
        app.MapGrpcService<FakeDaprPublishService>();
        app.MapGet("/v1.0/healthz/outbound", () => Results.NoContent());
        await app.StartAsync();
        return sidecar;
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>One publish call as the sidecar received it.</summary>
public sealed record PublishedEvent(string PubSubName, string Topic, string DataContentType, string Data, string? ApiToken);

/// <summary>What the fake sidecar was asked to publish; shared by the per-call gRPC service instances.</summary>
public sealed class PublishLog
{
    public ConcurrentQueue<PublishedEvent> Calls { get; } = new();
}

/// <summary>
/// The one method of Dapr's runtime API (dapr.proto.runtime.v1.Dapr/PublishEvent) that
/// PublishByteEventAsync calls, bound by hand with the SDK's own message types, since the
/// Dapr.Protos package ships only the client side. Shaped like generated service code:
/// Grpc.AspNetCore looks for an override of a method declared on the bound base type.
/// </summary>
[BindServiceMethod(typeof(DaprPublishServiceBase), nameof(BindService))]
public abstract class DaprPublishServiceBase
{
    private static readonly Method<PublishEventRequest, Empty> PublishEventMethod = new(
        MethodType.Unary,
        "dapr.proto.runtime.v1.Dapr",
        nameof(PublishEvent),
        Marshallers.Create(request => request.ToByteArray(), PublishEventRequest.Parser.ParseFrom),
        Marshallers.Create(response => response.ToByteArray(), Empty.Parser.ParseFrom));

    public static void BindService(ServiceBinderBase binder, DaprPublishServiceBase? service) =>
        binder.AddMethod(PublishEventMethod, service is null ? null! : service.PublishEvent);

    public abstract Task<Empty> PublishEvent(PublishEventRequest request, ServerCallContext context);
}

/// <summary>Records each publish call and answers as the sidecar does when the broker took the message.</summary>
public sealed class FakeDaprPublishService(PublishLog log) : DaprPublishServiceBase
{
    public override Task<Empty> PublishEvent(PublishEventRequest request, ServerCallContext context)
    {
        log.Calls.Enqueue(new PublishedEvent(
            request.PubsubName, request.Topic, request.DataContentType, request.Data.ToStringUtf8(),
            context.RequestHeaders.GetValue("dapr-api-token")));
        return Task.FromResult(new Empty());
    }
}
