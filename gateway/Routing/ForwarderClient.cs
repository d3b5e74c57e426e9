using Yarp.ReverseProxy.Forwarder;

namespace Platform.Gateway.Routing;

/// <summary>
/// YARP's own client to the services (pooled keep-alive connections, no proxy, no redirects, no
/// cookies, no decompression), without the trace-context headers when no traces are exported:
/// nobody joins those traces, and writing traceparent into every forwarded request is work per call.
/// </summary>
public sealed class UntracedForwarderClientFactory(ILogger<ForwarderHttpClientFactory> logger) : ForwarderHttpClientFactory(logger)
{
    protected override void ConfigureHandler(ForwarderHttpClientContext context, SocketsHttpHandler handler)
    {
        base.ConfigureHandler(context, handler);
        handler.ActivityHeadersPropagator = null;
    }
}
