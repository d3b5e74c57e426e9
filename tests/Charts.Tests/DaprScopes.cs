namespace Platform.Charts.Tests;

/// <summary>The rendered pub/sub Component: its name, the apps it is scoped to and its topic scopes.</summary>
internal sealed record DaprScopes(
    string ComponentName,
    IReadOnlySet<string> Apps,
    IReadOnlyDictionary<string, HashSet<string>> Publishing,
    IReadOnlyDictionary<string, HashSet<string>> Subscribing)
{
    public static DaprScopes Of(RenderedChart chart)
    {
        var component = chart.OfKind("Component").Single(c => (c.Text("spec", "type") ?? "").StartsWith("pubsub.", StringComparison.Ordinal));
        var metadata = Yaml.Items(component.At("spec", "metadata"))
            .ToDictionary(entry => (string)Yaml.At(entry, "name")!, entry => Yaml.At(entry, "value") as string ?? "");
        return new DaprScopes(
            component.Name,
            Yaml.Items(component.At("scopes")).Cast<string>().ToHashSet(),
            Parse(metadata.GetValueOrDefault("publishingScopes")),
            Parse(metadata.GetValueOrDefault("subscriptionScopes")));
    }

    public IReadOnlySet<string> PublishingOf(string app) => Publishing.GetValueOrDefault(app) ?? [];

    public IReadOnlySet<string> SubscribingOf(string app) => Subscribing.GetValueOrDefault(app) ?? [];

    /// <summary>Dapr's form: app1=topic1,topic2;app2=topic3.</summary>
    private static Dictionary<string, HashSet<string>> Parse(string? scopes) =>
        (scopes ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(entry => entry.Split('=', 2))
            .ToDictionary(
                pair => pair[0],
                pair => pair.Length > 1 ? pair[1].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet() : []);
}
