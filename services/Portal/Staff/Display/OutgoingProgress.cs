namespace Platform.Portal.Staff.Display;

/// <summary>
/// The steps of the outgoing flow (DOMAIN.md section 1: draft → review → approval → signing →
/// number and issue → filing) and how far a document has come, for the progress line.
/// </summary>
public static class OutgoingProgress
{
    public sealed record Step(string Status, string Name, bool Done, bool Current);

    private static readonly (string Status, string Name)[] Flow =
    [
        ("Draft", "Dự thảo"),
        ("InReview", "Kiểm tra nội dung, thể thức"),
        ("Reviewed", "Đã kiểm tra"),
        ("Approved", "Duyệt"),
        ("Signed", "Ký số"),
        ("Issued", "Cấp số, phát hành"),
        ("Filed", "Lưu"),
    ];

    /// <summary>The steps with the ones passed marked; a recalled document shows where it had got to, plus the recall.</summary>
    public static IReadOnlyList<Step> Of(string status)
    {
        var reached = Array.FindIndex(Flow, s => s.Status == status);
        var recalled = status == "Recalled";
        if (recalled) reached = Array.FindIndex(Flow, s => s.Status == "Issued");
        var steps = Flow.Select((s, i) => new Step(s.Status, s.Name, i < reached || (recalled && i == reached), !recalled && i == reached)).ToList();
        if (recalled) steps.Add(new Step("Recalled", "Thu hồi", true, true));
        return steps;
    }

    /// <summary>Whether the document has gone out to its recipients, so an exchange status can exist.</summary>
    public static bool HasBeenSent(string status) => status is "Issued" or "Filed" or "Recalled";
}
