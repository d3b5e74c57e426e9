using System.Text.Json.Nodes;

namespace Platform.Reporting.Snapshots;

public sealed record FigureDifference(string Path, string? Signed, string? Now);

/// <summary>Compares two reports' JSON figure by figure, so a changed closed period shows what moved.</summary>
public static class FigureDifferences
{
    public static IReadOnlyList<FigureDifference> Between(JsonNode? signed, JsonNode? now)
    {
        var before = Flatten(signed);
        var after = Flatten(now);
        return [.. before.Keys.Union(after.Keys).Order(StringComparer.Ordinal)
            .Select(path => new FigureDifference(path, before.GetValueOrDefault(path), after.GetValueOrDefault(path)))
            .Where(d => d.Signed != d.Now)];
    }

    private static Dictionary<string, string?> Flatten(JsonNode? node)
    {
        var values = new Dictionary<string, string?>();
        Walk(node, "", values);
        return values;
    }

    private static void Walk(JsonNode? node, string path, Dictionary<string, string?> values)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, child) in obj) Walk(child, path.Length == 0 ? name : $"{path}.{name}", values);
                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    // Rows of counts are named by their key, so an added unit shows as one new row, not a shifted list.
                    var key = array[i] is JsonObject row && (row["key"] ?? row["unit"]) is JsonValue k ? k.ToString() : i.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    Walk(array[i], $"{path}[{key}]", values);
                }
                break;
            default:
                values[path] = node?.ToJsonString();
                break;
        }
    }
}
