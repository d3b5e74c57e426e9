using System.Reflection;
using System.Text.RegularExpressions;
using Platform.Contracts;

namespace Platform.Charts.Tests;

/// <summary>
/// What a deployable project's code says about the event bus: its app id (AppId constant of
/// its registration), the topics it subscribes to (AddEventHandler&lt;TEvent, THandler&gt;) and
/// publishes (outbox.Add(new TEvent(...))), each event mapped to the topic of its [Topic].
/// </summary>
internal sealed record ServiceCode(string Component, string AppId, IReadOnlySet<string> Subscribes, IReadOnlySet<string> Publishes)
{
    private static readonly IReadOnlyDictionary<string, string> TopicOfEvent = typeof(TopicAttribute).Assembly.GetTypes()
        .Select(type => (type.Name, Topic: type.GetCustomAttribute<TopicAttribute>()?.Name))
        .Where(pair => pair.Topic is not null)
        .ToDictionary(pair => pair.Name, pair => pair.Topic!);

    public static IReadOnlyList<ServiceCode> All { get; } = SolutionProjects.ServingTraffic().Select(Read).ToList();

    private static ServiceCode Read(SolutionProject project)
    {
        var sources = Directory.EnumerateFiles(project.Directory, "*.cs", SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}")
                && !path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
            .Select(File.ReadAllText)
            .ToList();
        var appIds = sources.SelectMany(text => Regexes.AppId().Matches(text)).Select(m => m.Groups[1].Value).Distinct().ToList();
        Assert.That(appIds, Has.Count.EqualTo(1), $"{project.Path} should declare one `const string AppId`");
        return new ServiceCode(
            project.Component,
            appIds[0],
            Topics(sources, Regexes.Subscription(), project, requireTopic: true),
            Topics(sources, Regexes.Publication(), project, requireTopic: false));
    }

    private static HashSet<string> Topics(List<string> sources, Regex pattern, SolutionProject project, bool requireTopic)
    {
        var topics = new HashSet<string>();
        foreach (var eventType in sources.SelectMany(text => pattern.Matches(text)).Select(m => m.Groups[1].Value))
        {
            if (TopicOfEvent.TryGetValue(eventType, out var topic)) topics.Add(topic);
            else if (requireTopic) Assert.Fail($"{project.Path} handles {eventType}, which has no [Topic] in contracts/");
        }
        return topics;
    }
}

internal static partial class Regexes
{
    [GeneratedRegex("""const\s+string\s+AppId\s*=\s*"([^"]+)"\s*;""")]
    public static partial Regex AppId();

    [GeneratedRegex("""AddEventHandler<\s*(?:[\w.]+\.)?(\w+)\s*,""")]
    public static partial Regex Subscription();

    [GeneratedRegex("""[oO]utbox\.Add\(\s*new\s+(?:[\w.]+\.)?(\w+)\s*[({]""")]
    public static partial Regex Publication();

    [GeneratedRegex("""^Project\("\{[^}]+\}"\)\s*=\s*"([^"]+)",\s*"([^"]+\.csproj)""", RegexOptions.Multiline)]
    public static partial Regex SolutionProject();
}
