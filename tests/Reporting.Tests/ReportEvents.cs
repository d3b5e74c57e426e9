using Platform.Contracts;
using Platform.Contracts.Events;
using Platform.ServiceDefaults.Events.InMemory;
using Platform.TestSupport;

namespace Platform.Reporting.Tests;

/// <summary>Events as the other services publish them, dated in Vietnam at 09:00 local time.</summary>
public static class ReportEvents
{
    public static DateTimeOffset At(DateOnly day) => new(day.ToDateTime(new TimeOnly(9, 0)), TimeSpan.FromHours(7));

    public static DocumentRegistered Registered(Guid id, DateOnly day, string type = "Công văn", Urgency urgency = Urgency.Normal, string unit = "VP") => new(
        id, day.Year, 1, "Sở Tài chính", "15/STC-NS", day, type, "Về việc quyết toán", urgency, Secrecy.None, unit, At(day));

    public static DocumentAssigned Assigned(Guid id, DateOnly day, string leadUnit, DateOnly? deadline) => new(
        id, "15/STC-NS", "Về việc quyết toán", "Giao Sở chủ trì", leadUnit, [], deadline, "lanhdao", Secrecy.None, At(day));

    public static DocumentIssued Issued(DateOnly day, string code, string type = "Công văn", bool legalNormative = false, Guid? id = null) => new(
        id ?? Guid.NewGuid(), code, type, "Ban hành", "Nguyễn Văn A", "Chủ tịch", day, Secrecy.None, true, legalNormative, ["Sở Tư pháp"], At(day));

    public static TaskCreated TaskEntered(Guid id, DateOnly day, string unit, DateOnly? deadline, Guid? document = null, Secrecy secrecy = Secrecy.None) => new(
        id, document, "Tổ chức thực hiện", unit, [], deadline, "lanhdao", At(day), secrecy);

    public static TaskStatusChanged Status(Guid id, DateOnly day, string unit, TaskState to) => new(
        id, unit, TaskState.InProgress, to, "chuyenvien", null, At(day), Secrecy.None);

    public static GazetteIssuePublished Gazette(DateOnly day, params Guid[] documents) => new(
        Guid.NewGuid(), day.Year, [1], day, documents, "https://congbao.example/1.pdf", At(day));

    public static FeedbackReceived Feedback(DateOnly day) => new(Guid.NewGuid(), "PAKN-1", "Đường hỏng", At(day));

    /// <summary>Delivery is at least once: every event goes out twice with the same id.</summary>
    public static async Task PublishTwiceAsync<TEvent>(this InMemoryEventBroker broker, TEvent @event) where TEvent : notnull
    {
        var id = await broker.PublishAsync(@event);
        await broker.PublishAsync(@event, id);
    }
}
