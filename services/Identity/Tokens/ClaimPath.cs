using System.Globalization;
using System.Text.Json.Nodes;

namespace Platform.Identity.Tokens;

/// <summary>
/// Keycloak's claim names: dots nest ("realm_access.roles" is {"realm_access":{"roles":[...]}}) unless
/// escaped as "\.", and jsonType.label says whether a value is a string, number, boolean or JSON.
/// </summary>
public static class ClaimPath
{
    public static void Set(JsonObject claims, string claimName, JsonNode value)
    {
        var segments = Split(claimName);
        var parent = claims;
        foreach (var segment in segments[..^1])
        {
            if (parent[segment] is not JsonObject child)
            {
                child = new JsonObject();
                parent[segment] = child;
            }
            parent = child;
        }

        var leaf = segments[^1];
        // Two mappers filling the same multivalued claim (a client mapper and a scope mapper) add up.
        if (parent[leaf] is JsonArray existing && value is JsonArray more)
        {
            foreach (var item in more.ToList())
            {
                if (!existing.Any(present => JsonNode.DeepEquals(present, item))) existing.Add(item?.DeepClone());
            }
            return;
        }
        parent[leaf] = value;
    }

    public static JsonNode? Convert(string raw, string? jsonType) => jsonType?.ToLowerInvariant() switch
    {
        "boolean" => bool.TryParse(raw, out var flag) ? JsonValue.Create(flag) : null,
        "int" => int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) ? JsonValue.Create(number) : null,
        "long" => long.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var big) ? JsonValue.Create(big) : null,
        "json" => TryParseJson(raw),
        _ => JsonValue.Create(raw),
    };

    public static string[] Split(string claimName)
    {
        var segments = new List<string>();
        var current = new System.Text.StringBuilder();
        for (var i = 0; i < claimName.Length; i++)
        {
            if (claimName[i] == '\\' && i + 1 < claimName.Length && claimName[i + 1] == '.')
            {
                current.Append('.');
                i++;
            }
            else if (claimName[i] == '.')
            {
                segments.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(claimName[i]);
            }
        }
        segments.Add(current.ToString());
        return segments.ToArray();
    }

    private static JsonNode? TryParseJson(string raw)
    {
        try
        {
            return JsonNode.Parse(raw);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
