using System.Collections.Concurrent;
using System.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;

namespace Platform.Charts.Tests;

/// <summary>One rendered Kubernetes object, read as plain maps, lists and strings.</summary>
internal sealed record Manifest(string Kind, string Name, object Body)
{
    /// <summary>The node at a path of map keys (string) and list indexes (int), or null.</summary>
    public object? At(params object[] path) => Yaml.At(Body, path);

    public string? Text(params object[] path) => At(path) as string;
}

/// <summary>The chart as `helm-check render` prints it for one values file (rendered once per run).</summary>
internal sealed class RenderedChart
{
    private static readonly ConcurrentDictionary<string, RenderedChart> Cache = new();

    public IReadOnlyList<Manifest> Manifests { get; }

    private RenderedChart(IReadOnlyList<Manifest> manifests) => Manifests = manifests;

    /// <summary>values.yaml alone, or values.yaml with another file of the chart on top.</summary>
    public static RenderedChart With(string valuesFile) => Cache.GetOrAdd(valuesFile, Render);

    public IEnumerable<Manifest> OfKind(string kind) => Manifests.Where(m => m.Kind == kind);

    public Manifest Single(string kind, Func<Manifest, bool> predicate) => OfKind(kind).Single(predicate);

    /// <summary>The Deployment (or other workload object) of one component (app.kubernetes.io/component).</summary>
    public Manifest? Workload(string kind, string component) =>
        OfKind(kind).SingleOrDefault(m => m.Text("metadata", "labels", "app.kubernetes.io/component") == component);

    private static RenderedChart Render(string valuesFile)
    {
        var arguments = new List<string> { "render", RepoPaths.Chart };
        if (valuesFile != "values.yaml") arguments.AddRange(["-f", Path.Combine(RepoPaths.Chart, valuesFile)]);
        var start = new ProcessStartInfo(RepoPaths.HelmCheck)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepoPaths.Root,
        };
        arguments.ForEach(start.ArgumentList.Add);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("helm-check did not start");
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        // helm-check installs its Go and npm parts on a fresh machine (about a minute).
        if (!process.WaitForExit(TimeSpan.FromMinutes(5))) process.Kill(entireProcessTree: true);
        if (process.ExitCode != 0)
        {
            Assert.Fail($"helm-check render with {valuesFile} failed ({process.ExitCode}):\n{stderr.Result}");
        }
        return new RenderedChart(Parse(stdout));
    }

    private static List<Manifest> Parse(string yaml)
    {
        var deserializer = new DeserializerBuilder().Build();
        var parser = new Parser(new StringReader(yaml));
        parser.Consume<StreamStart>();
        var manifests = new List<Manifest>();
        while (parser.Accept<DocumentStart>(out _))
        {
            if (deserializer.Deserialize<object?>(parser) is not { } body) continue;
            manifests.Add(new Manifest(
                Yaml.At(body, "kind") as string ?? "",
                Yaml.At(body, "metadata", "name") as string ?? "",
                body));
        }
        return manifests;
    }
}

internal static class Yaml
{
    public static object? At(object? node, params object[] path)
    {
        foreach (var step in path)
        {
            node = (node, step) switch
            {
                (IDictionary<object, object> map, string key) => map.TryGetValue(key, out var value) ? value : null,
                (IList<object> list, int index) => index < list.Count ? list[index] : null,
                _ => null,
            };
        }
        return node;
    }

    public static IEnumerable<object> Items(object? node) => node as IList<object> ?? [];
}
