using System.Globalization;
using Platform.Contracts;
using Platform.Documents.Domain;
using Platform.ServiceDefaults;

namespace Platform.Documents.Registers;

/// <summary>Turns documents into register rows, with dates as the office reads them (Vietnam time, dd/MM/yyyy).</summary>
public static class RegisterBuilder
{
    public static readonly string[] IncomingColumns =
        ["Ngày đến", "Số đến", "Tác giả", "Số, ký hiệu", "Ngày tháng văn bản", "Tên loại và trích yếu", "Đơn vị hoặc người nhận", "Ngày chuyển", "Ký nhận", "Ghi chú"];

    public static readonly string[] OutgoingColumns =
        ["Số, ký hiệu", "Ngày tháng", "Tên loại và trích yếu", "Người ký", "Nơi nhận", "Đơn vị, người nhận bản lưu", "Số lượng bản", "Ngày chuyển", "Ký nhận", "Ghi chú"];

    public static readonly string[] FollowUpColumns =
        ["Số đến", "Ngày đến", "Tác giả", "Số, ký hiệu", "Trích yếu", "Đơn vị chủ trì", "Đơn vị phối hợp", "Hạn giải quyết", "Tiến độ giải quyết", "Số, ký hiệu văn bản trả lời", "Tình trạng"];

    public static Register Incoming(IEnumerable<IncomingDocument> documents, DateOnly from, DateOnly to) =>
        new("SỔ ĐĂNG KÝ VĂN BẢN ĐẾN", from, to, IncomingColumns, documents.Select(d => new[]
        {
            d.ArrivalTimeRecorded ? DateTime(d.ArrivedAtUtc) : Date(d.ArrivedAtUtc),
            d.ArrivalNumber.ToString(CultureInfo.InvariantCulture),
            d.IssuingBody,
            d.NumberAndCode,
            d.DocumentDate.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
            $"{d.DocumentType} {d.Subject}",
            d.HandedOnTo ?? d.LeadUnit,
            d.HandedOnAtUtc is { } handed ? Date(handed) : null,
            null,
            IncomingNote(d),
        }).ToArray<string?[]>());

    public static Register Outgoing(IEnumerable<OutgoingDocument> documents, DateOnly from, DateOnly to) =>
        new("SỔ ĐĂNG KÝ VĂN BẢN ĐI", from, to, OutgoingColumns, documents.Select(d => new[]
        {
            d.NumberAndCode,
            d.IssuedDate?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
            $"{d.DocumentType} {d.Subject}",
            d.SignerName,
            string.Join("; ", d.Recipients),
            d.DraftingUnit,
            d.CopyCount.ToString(CultureInfo.InvariantCulture),
            d.IssuedAtUtc is { } issued ? Date(issued) : null,
            null,
            OutgoingNote(d),
        }).ToArray<string?[]>());

    public static Register FollowUp(IEnumerable<IncomingDocument> documents, DateOnly from, DateOnly to, DateOnly today) =>
        new("SỔ THEO DÕI GIẢI QUYẾT VĂN BẢN ĐẾN", from, to, FollowUpColumns, documents.Select(d => new[]
        {
            d.ArrivalNumber.ToString(CultureInfo.InvariantCulture),
            Date(d.ArrivedAtUtc),
            d.IssuingBody,
            d.NumberAndCode,
            d.Subject,
            d.LeadUnit,
            string.Join(", ", d.SupportingUnitList()),
            d.Deadline?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
            d.Progress,
            d.ReplyNumberAndCode,
            Timeliness(d, today),
        }).ToArray<string?[]>());

    /// <summary>Đúng hạn, quá hạn, or still within the deadline, from the deadline and the day the document was settled.</summary>
    public static string Timeliness(IncomingDocument d, DateOnly today)
    {
        if (d.Status == IncomingStatus.Done)
        {
            var done = d.CompletedAtUtc is { } at ? DateOnly.FromDateTime(VietnamTime.ToLocal(at).DateTime) : today;
            return d.Deadline is { } due && done > due ? "Hoàn thành quá hạn" : "Hoàn thành đúng hạn";
        }
        if (d.Deadline is null) return "Đang xử lý, không có hạn";
        return today > d.Deadline ? "Đang xử lý, quá hạn" : "Đang xử lý, trong hạn";
    }

    private static string? IncomingNote(IncomingDocument d)
    {
        var notes = new List<string>();
        if (d.Urgency != Urgency.Normal) notes.Add(UrgencyLabel(d.Urgency));
        if (d.Status == IncomingStatus.Returned) notes.Add("Đã trả lại: " + d.ReturnReason);
        if (d.DuplicateOf is not null) notes.Add("Văn bản trùng, đã xác nhận");
        return notes.Count == 0 ? null : string.Join("; ", notes);
    }

    private static string? OutgoingNote(OutgoingDocument d)
    {
        var notes = new List<string>();
        if (d.Status == OutgoingStatus.Recalled) notes.Add("Đã thu hồi: " + d.RecallReason);
        if (d.ReplacesId is not null) notes.Add("Văn bản thay thế");
        return notes.Count == 0 ? null : string.Join("; ", notes);
    }

    private static string UrgencyLabel(Urgency urgency) => urgency switch
    {
        Urgency.Urgent => "Khẩn",
        Urgency.VeryUrgent => "Thượng khẩn",
        Urgency.Flash => "Hỏa tốc",
        Urgency.FlashScheduled => "Hỏa tốc hẹn giờ",
        _ => "",
    };

    private static string Date(DateTime utc) => VietnamTime.ToLocal(new DateTimeOffset(utc, TimeSpan.Zero)).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    private static string DateTime(DateTime utc) => VietnamTime.ToLocal(new DateTimeOffset(utc, TimeSpan.Zero)).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);
}
