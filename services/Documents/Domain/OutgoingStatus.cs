namespace Platform.Documents.Domain;

/// <summary>Where an outgoing document (văn bản đi) is in its flow.</summary>
public enum OutgoingStatus
{
    /// <summary>Dự thảo.</summary>
    Draft,
    /// <summary>Chờ kiểm tra nội dung, thể thức.</summary>
    InReview,
    /// <summary>Đã kiểm tra.</summary>
    Reviewed,
    /// <summary>Đã duyệt.</summary>
    Approved,
    /// <summary>Đã ký số.</summary>
    Signed,
    /// <summary>Đã cấp số và phát hành.</summary>
    Issued,
    /// <summary>Đã lưu.</summary>
    Filed,
    /// <summary>Đã thu hồi.</summary>
    Recalled,
}

/// <summary>A step of the outgoing flow.</summary>
public enum OutgoingAction
{
    Submit,
    Review,
    Return,
    Approve,
    Sign,
    Issue,
    File,
    Recall,
}

public static class OutgoingLabels
{
    public static string Label(this OutgoingStatus status) => status switch
    {
        OutgoingStatus.Draft => "Dự thảo",
        OutgoingStatus.InReview => "Chờ kiểm tra",
        OutgoingStatus.Reviewed => "Đã kiểm tra",
        OutgoingStatus.Approved => "Đã duyệt",
        OutgoingStatus.Signed => "Đã ký",
        OutgoingStatus.Issued => "Đã phát hành",
        OutgoingStatus.Filed => "Đã lưu",
        OutgoingStatus.Recalled => "Đã thu hồi",
        _ => status.ToString(),
    };

    public static string Label(this OutgoingAction action) => action switch
    {
        OutgoingAction.Submit => "trình kiểm tra",
        OutgoingAction.Review => "kiểm tra nội dung, thể thức",
        OutgoingAction.Return => "trả lại dự thảo",
        OutgoingAction.Approve => "duyệt",
        OutgoingAction.Sign => "ký số",
        OutgoingAction.Issue => "cấp số và phát hành",
        OutgoingAction.File => "lưu",
        OutgoingAction.Recall => "thu hồi",
        _ => action.ToString(),
    };
}
