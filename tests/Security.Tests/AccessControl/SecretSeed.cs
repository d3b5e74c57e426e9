using Platform.Contracts;
using Platform.Contracts.Events;
using Platform.ServiceDefaults.Events.InMemory;
using Platform.TestSupport;

namespace Platform.Security.Tests.AccessControl;

/// <summary>
/// One document's life as the bus tells it: registered, directed (which makes a task, as secret as the document,
/// whose lead unit then reports progress with a note), and, as an outgoing document, issued wrongly flagged
/// public and legal normative. Every text carries the level's token.
/// </summary>
public sealed record SecretSeed(Secrecy Level, string Token, DocumentRegistered Registered, DocumentAssigned Assigned, TaskCreated Task,
    TaskStatusChanged Progress, DocumentIssued Issued)
{
    /// <summary>The lead unit of every seeded direction: the specialist's own, so a unit-scoped read includes them.</summary>
    public const string LeadUnit = "KT";

    public static SecretSeed Of(Secrecy level, string run, DateTimeOffset at)
    {
        var token = level == Secrecy.None ? $"CONGKHAI{run}".ToUpperInvariant() : LeakWatch.Token(level, run);
        var subject = level == Secrecy.None ? $"Trích yếu công khai {token}" : $"Trích yếu mật {level} {token}";
        var number = $"9{(int)level}/{token}/QĐ-UBND";
        var direction = $"Chỉ đạo xử lý {token}: giao Sở Kinh tế chủ trì";
        var incoming = Guid.CreateVersion7();
        var task = Guid.CreateVersion7();
        var day = DateOnly.FromDateTime(at.UtcDateTime);
        return new(level, token,
            new DocumentRegistered(incoming, day.Year, 900 + (int)level, "Bộ Công an", number, day, "Công văn", subject,
                Urgency.Normal, level, "VP", at),
            new DocumentAssigned(incoming, number, subject, direction, LeadUnit, ["TC"], day.AddDays(30), "lanhdao", level, at),
            new TaskCreated(task, incoming, direction, LeadUnit, ["TC"], day.AddDays(30), "lanhdao", at, level),
            new TaskStatusChanged(task, LeadUnit, TaskState.NotStarted, TaskState.InProgress, "chuyenvien", $"Đang thực hiện {token}-TIENDO", at, level),
            new DocumentIssued(Guid.CreateVersion7(), number, "Quyết định", subject, "Nguyễn Văn A", "Chủ tịch", day, level,
                IsPublic: true, IsLegalNormative: true, ["Sở Tư pháp"], at));
    }

    /// <summary>A seed of each secret level, then the public control, which a service shows once it has handled them all.</summary>
    public static (IReadOnlyList<SecretSeed> Secrets, SecretSeed Control) Set(string run, DateTimeOffset at) =>
        ([.. new[] { Secrecy.Confidential, Secrecy.Secret, Secrecy.TopSecret }.Select(level => Of(level, run, at))], Of(Secrecy.None, run, at));

    /// <summary>What of the progress note is ASCII: a store that keeps it in escaped JSON still shows this.</summary>
    public string ProgressMark => Token + "-TIENDO";

    public IEnumerable<string> Texts => [Token, Registered.Subject, Registered.NumberAndCode, Assigned.Direction];

    public async Task PublishAsync(InMemoryEventBroker broker)
    {
        await broker.PublishAsync(Registered);
        await broker.PublishAsync(Assigned);
        await broker.PublishAsync(Task);
        await broker.PublishAsync(Progress);
        await broker.PublishAsync(Issued);
    }
}
