using Platform.Contracts;

namespace Platform.Tasks.Domain;

/// <summary>
/// The text of a reminder (nhắc việc). Reminders leave the system by SMS, e-mail or the log, none of them
/// cleared for secret text, so a secret task's reminder names its level and its id (to open it in the
/// system, where access is checked) and never quotes its content or its source document.
/// </summary>
public static class ReminderText
{
    public const int MaxQuoted = 120;

    public static string DueSoon(TaskRecord task, DateOnly due, int workingDaysLeft) =>
        $"{Subject(task)} sắp đến hạn {due:dd/MM/yyyy} (còn {workingDaysLeft} ngày làm việc).{Footer(task)}";

    public static string Overdue(TaskRecord task, DateOnly due) => $"{Subject(task)} đã quá hạn {due:dd/MM/yyyy}.{Footer(task)}";

    private static string Subject(TaskRecord task) => task.Secrecy == Secrecy.None
        ? $"Nhiệm vụ \"{Quote(task.Content)}\""
        : $"Nhiệm vụ mật ({VocabularyNames.Of(task.Secrecy)}) số {task.Id}";

    private static string Footer(TaskRecord task) => task.Secrecy == Secrecy.None ? "" : " Nội dung chỉ xem trên hệ thống.";

    private static string Quote(string content) => content.Length <= MaxQuoted ? content : content[..(MaxQuoted - 3)] + "...";
}
