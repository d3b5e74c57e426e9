using System.Text.Json;
using System.Text.Json.Serialization;

namespace Platform.ServiceDefaults.Events;

/// <summary>
/// A CloudEvents 1.0 envelope in the JSON shape Dapr writes and reads, so a service with
/// a sidecar and one reading Redis directly understand each other's messages.
/// </summary>
public sealed record CloudEvent
{
    [JsonPropertyName("specversion")] public string SpecVersion { get; init; } = "1.0";
    [JsonPropertyName("id")] public required string Id { get; init; }
    [JsonPropertyName("source")] public required string Source { get; init; }
    [JsonPropertyName("type")] public required string Type { get; init; }
    [JsonPropertyName("datacontenttype")] public string DataContentType { get; init; } = "application/json";
    [JsonPropertyName("time")] public DateTimeOffset? Time { get; init; }
    [JsonPropertyName("topic")] public string? Topic { get; init; }
    [JsonPropertyName("pubsubname")] public string? PubSubName { get; init; }
    [JsonPropertyName("traceparent")] public string? TraceParent { get; init; }
    [JsonPropertyName("data")] public JsonElement Data { get; init; }

    public string ToJson() => JsonSerializer.Serialize(this, EventJson.Options);

    /// <summary>Parses an envelope; null when the text is not a CloudEvent with an id.</summary>
    public static CloudEvent? TryParse(string json)
    {
        try
        {
            var envelope = JsonSerializer.Deserialize<CloudEvent>(json, EventJson.Options);
            return envelope is { Id.Length: > 0 } ? envelope.WithDataUnwrapped() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    // Some publishers put JSON data in as a string; handlers want the object either way.
    private CloudEvent WithDataUnwrapped()
    {
        if (Data.ValueKind != JsonValueKind.String) return this;
        try
        {
            using var inner = JsonDocument.Parse(Data.GetString()!);
            return this with { Data = inner.RootElement.Clone() };
        }
        catch (JsonException)
        {
            return this;
        }
    }
}

/// <summary>The one set of JSON options for event payloads: web casing, enums as text.</summary>
public static class EventJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
