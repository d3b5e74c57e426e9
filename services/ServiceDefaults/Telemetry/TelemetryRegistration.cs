using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Platform.ServiceDefaults.Telemetry;

public static class TelemetryRegistration
{
    /// <summary>Every Platform.* activity source and meter is collected.</summary>
    public const string SourcePrefix = "Platform.*";

    /// <summary>The OTLP collector's address; the chart sets it when telemetry.otlpEndpoint is given.</summary>
    public const string OtlpEndpointKey = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>Whether traces, metrics and logs leave the process (an OTLP endpoint is configured).</summary>
    public static bool IsExported(IConfiguration configuration) => !string.IsNullOrWhiteSpace(configuration[OtlpEndpointKey]);

    /// <summary>
    /// Traces, metrics and logs through OpenTelemetry, only when OTEL_EXPORTER_OTLP_ENDPOINT is
    /// set. Without a collector nothing would read them, yet the instrumentation would still
    /// start an activity and record metrics for every request (a measurable share of the
    /// gateway's time per proxied call), so a laptop run or a deployment without a collector
    /// pays nothing.
    /// </summary>
    public static IHostApplicationBuilder AddPlatformTelemetry(this IHostApplicationBuilder builder, string appId)
    {
        if (!IsExported(builder.Configuration)) return builder;
        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(appId))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter(SourcePrefix))
            .WithTracing(tracing => tracing
                .AddSource(SourcePrefix)
                .AddAspNetCoreInstrumentation(options => options.Filter = context => !IsHealthProbe(context))
                .AddHttpClientInstrumentation())
            .UseOtlpExporter();
        return builder;
    }

    private static bool IsHealthProbe(HttpContext context) => context.Request.Path.StartsWithSegments("/health");
}
