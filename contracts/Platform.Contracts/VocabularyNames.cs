namespace Platform.Contracts;

/// <summary>The vocabulary's codes as people read them (Vietnamese), for every service and screen that shows them.</summary>
public static class VocabularyNames
{
    public static string Of(TaskState state) => state switch
    {
        TaskState.NotStarted => "Chưa thực hiện",
        TaskState.InProgress => "Đang thực hiện",
        TaskState.AwaitingConfirmation => "Chờ xác nhận",
        TaskState.Done => "Hoàn thành",
        TaskState.Paused => "Tạm dừng",
        TaskState.Refused => "Từ chối",
        TaskState.Redo => "Làm lại",
        _ => state.ToString(),
    };

    public static string Of(Urgency urgency) => urgency switch
    {
        Urgency.Normal => "Thường",
        Urgency.Urgent => "Khẩn",
        Urgency.VeryUrgent => "Thượng khẩn",
        Urgency.Flash => "Hỏa tốc",
        Urgency.FlashScheduled => "Hỏa tốc hẹn giờ",
        _ => urgency.ToString(),
    };

    public static string Of(Secrecy secrecy) => secrecy switch
    {
        Secrecy.None => "Thường",
        Secrecy.Confidential => "Mật",
        Secrecy.Secret => "Tối mật",
        Secrecy.TopSecret => "Tuyệt mật",
        _ => secrecy.ToString(),
    };
}
