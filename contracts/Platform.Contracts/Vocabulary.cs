using System.Text.Json.Serialization;

namespace Platform.Contracts;

/// <summary>Urgency of a document (độ khẩn), Nghị định 30/2020/NĐ-CP.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Urgency>))]
public enum Urgency
{
    Normal,
    /// <summary>Khẩn.</summary>
    Urgent,
    /// <summary>Thượng khẩn: arrival time is recorded.</summary>
    VeryUrgent,
    /// <summary>Hỏa tốc: arrival time is recorded.</summary>
    Flash,
    /// <summary>Hỏa tốc hẹn giờ: flash with a set delivery time.</summary>
    FlashScheduled,
}

/// <summary>Secrecy level of a document (độ mật) and clearance of a user.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Secrecy>))]
public enum Secrecy
{
    None = 0,
    /// <summary>Mật.</summary>
    Confidential = 1,
    /// <summary>Tối mật.</summary>
    Secret = 2,
    /// <summary>Tuyệt mật.</summary>
    TopSecret = 3,
}

/// <summary>Status of a task (trạng thái nhiệm vụ).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<TaskState>))]
public enum TaskState
{
    NotStarted,
    InProgress,
    AwaitingConfirmation,
    Done,
    Paused,
    Refused,
    Redo,
}
