using Microsoft.AspNetCore.Http;
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

    /// <summary>
    /// Traces, metrics and logs through OpenTelemetry. They leave the process only when
    /// OTEL_EXPORTER_OTLP_ENDPOINT is set, so a laptop run needs no collector.
    /// </summary>
    public static IHostApplicationBuilder AddPlatformTelemetry(this IHostApplicationBuilder builder, string appId)
    {
        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(appId))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter(SourcePrefix))
            .WithTracing(tracing => tracing
                .AddSource(SourcePrefix)
                .AddAspNetCoreInstrumentation(options => options.Filter = context => !IsHealthProbe(context))
                .AddHttpClientInstrumentation());
        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            telemetry.UseOtlpExporter();
        }
        return builder;
    }

    private static bool IsHealthProbe(HttpContext context) => context.Request.Path.StartsWithSegments("/health");
}
