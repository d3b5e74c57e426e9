namespace Platform.Documents.Exchange;

/// <summary>
/// A status feedback code (mã trạng thái phản hồi) a receiver sends back about a document it got over
/// the axis; the numbers are the codes on the wire.
/// </summary>
public enum FeedbackStatus
{
    /// <summary>01 Đã đến.</summary>
    Arrived = 1,
    /// <summary>02 Từ chối tiếp nhận; carries a reason.</summary>
    Refused = 2,
    /// <summary>03 Đã tiếp nhận (registered).</summary>
    Accepted = 3,
    /// <summary>04 Phân công.</summary>
    Assigned = 4,
    /// <summary>05 Đang xử lý.</summary>
    InProgress = 5,
    /// <summary>06 Hoàn thành.</summary>
    Done = 6,
    /// <summary>13 Thu hồi: the sender asks to recall or update; sent by the sender, not the receiver.</summary>
    RecallRequested = 13,
    /// <summary>15 Đồng ý thu hồi, cập nhật.</summary>
    RecallAccepted = 15,
    /// <summary>16 Từ chối thu hồi, cập nhật; carries a reason.</summary>
    RecallRefused = 16,
}

public static class FeedbackCodes
{
    /// <summary>Two digits, as the axis writes them ("01").</summary>
    public static string Code(this FeedbackStatus status) => ((int)status).ToString("00", System.Globalization.CultureInfo.InvariantCulture);

    public static FeedbackStatus? Parse(string? code) =>
        int.TryParse(code, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value)
        && Enum.IsDefined(typeof(FeedbackStatus), value) ? (FeedbackStatus)value : null;

    /// <summary>Refusals must say why: the sender has to know what to fix.</summary>
    public static bool NeedsReason(this FeedbackStatus status) => status is FeedbackStatus.Refused or FeedbackStatus.RecallRefused;

    public static string Label(this FeedbackStatus status) => status switch
    {
        FeedbackStatus.Arrived => "Đã đến",
        FeedbackStatus.Refused => "Từ chối tiếp nhận",
        FeedbackStatus.Accepted => "Đã tiếp nhận",
        FeedbackStatus.Assigned => "Phân công",
        FeedbackStatus.InProgress => "Đang xử lý",
        FeedbackStatus.Done => "Hoàn thành",
        FeedbackStatus.RecallRequested => "Yêu cầu thu hồi, cập nhật",
        FeedbackStatus.RecallAccepted => "Đồng ý thu hồi, cập nhật",
        FeedbackStatus.RecallRefused => "Từ chối thu hồi, cập nhật",
        _ => status.ToString(),
    };
}
