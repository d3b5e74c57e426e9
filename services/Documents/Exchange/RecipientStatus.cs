namespace Platform.Documents.Exchange;

/// <summary>How far a sent document has got with one recipient (trạng thái gửi theo từng nơi nhận).</summary>
public enum RecipientStatus
{
    /// <summary>Chưa gửi.</summary>
    NotSent,
    /// <summary>Đã gửi: the recipient's side took the package.</summary>
    Sent,
    /// <summary>Gửi lỗi: the last attempt failed; it is retried.</summary>
    Failed,
    /// <summary>Đã đến (01).</summary>
    Arrived,
    /// <summary>Đã tiếp nhận (03).</summary>
    Accepted,
    /// <summary>Bị trả lại (02), with the recipient's reason.</summary>
    Refused,
    /// <summary>Đã phân công (04).</summary>
    Assigned,
    /// <summary>Đang xử lý (05).</summary>
    InProgress,
    /// <summary>Hoàn thành (06).</summary>
    Done,
}

/// <summary>Where the sender's recall or update request stands with one recipient.</summary>
public enum RecallState
{
    None,
    /// <summary>13 sent, no answer yet.</summary>
    Requested,
    /// <summary>15: the recipient cancelled or updated the document.</summary>
    Accepted,
    /// <summary>16: the recipient refused, with a reason.</summary>
    Refused,
}

public static class RecipientStatusLabels
{
    public static string Label(this RecipientStatus status) => status switch
    {
        RecipientStatus.NotSent => "Chưa gửi",
        RecipientStatus.Sent => "Đã gửi",
        RecipientStatus.Failed => "Gửi lỗi",
        RecipientStatus.Arrived => "Đã đến",
        RecipientStatus.Accepted => "Đã tiếp nhận",
        RecipientStatus.Refused => "Bị trả lại",
        RecipientStatus.Assigned => "Đã phân công",
        RecipientStatus.InProgress => "Đang xử lý",
        RecipientStatus.Done => "Hoàn thành",
        _ => status.ToString(),
    };
}
