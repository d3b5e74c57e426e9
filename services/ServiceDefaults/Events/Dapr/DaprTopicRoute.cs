using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Platform.ServiceDefaults.Events.Dapr;

/// <summary>What a topic route answers the sidecar: 200 with Dapr's SUCCESS, RETRY or DROP.</summary>
public sealed record DaprDeliveryResponse(string Status)
{
    public static DaprDeliveryResponse From(DeliveryOutcome outcome) => new(outcome switch
    {
        DeliveryOutcome.Success => "SUCCESS",
        DeliveryOutcome.Retry => "RETRY",
        _ => "DROP",
    });
}

internal static partial class DaprTopicRoute
{
    public static async Task<IResult> HandleAsync(
        string topic, HttpContext http, IEventDelivery delivery, string? appApiToken, CancellationToken cancellationToken)
    {
        if (appApiToken is not null && !TokenMatches(http.Request.Headers[DaprSidecar.ApiTokenHeader].ToString(), appApiToken))
        {
            return TypedResults.Unauthorized();
        }
        using var reader = new StreamReader(http.Request.Body, Encoding.UTF8);
        var cloudEventJson = await reader.ReadToEndAsync(cancellationToken);
        DeliveryOutcome outcome;
        try
        {
            outcome = await delivery.DeliverAsync(topic, cloudEventJson, cancellationToken);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            var logger = http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DaprTopicRoute));
            LogDeliveryFailed(logger, exception, topic);
            outcome = DeliveryOutcome.Retry;
        }
        return TypedResults.Ok(DaprDeliveryResponse.From(outcome));
    }

    private static bool TokenMatches(string presented, string expected) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), Encoding.UTF8.GetBytes(expected));

    [LoggerMessage(Level = LogLevel.Error, Message = "Delivering a message of {Topic} from the Dapr sidecar threw; answering RETRY")]
    private static partial void LogDeliveryFailed(ILogger logger, Exception exception, string topic);
}
