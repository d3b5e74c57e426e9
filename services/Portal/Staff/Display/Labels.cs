namespace Platform.Portal.Staff.Display;

/// <summary>The Vietnamese words the console shows for the Tasks service's codes, dates and typed unit lists; the shared vocabulary is in <see cref="Platform.Contracts.VocabularyNames"/>.</summary>
public static class Labels
{
    /// <summary>Timeliness as the Tasks service names it (OnTime, DueSoon, Overdue, NoDeadline).</summary>
    public static string Timeliness(string timeliness) => timeliness switch
    {
        "OnTime" => "Trong hạn",
        "DueSoon" => "Sắp đến hạn",
        "Overdue" => "Quá hạn",
        "NoDeadline" => "Không có hạn",
        _ => timeliness,
    };

    /// <summary>"KT, TH;  VP" as typed in a form, as the list of unit codes the services take.</summary>
    public static string[] Units(string? typed) =>
        (typed ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct(StringComparer.OrdinalIgnoreCase).ToArray();

    private static readonly System.Globalization.CultureInfo Vietnamese = System.Globalization.CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>A file's size as people read it, with the Vietnamese decimal comma: 512 byte, 1,5 KB, 2,3 MB.</summary>
    public static string FileSize(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} byte",
        < 1024 * 1024 => (bytes / 1024.0).ToString("0.#", Vietnamese) + " KB",
        _ => (bytes / (1024.0 * 1024)).ToString("0.#", Vietnamese) + " MB",
    };

    public static string Date(DateOnly? date) => date?.ToString("dd/MM/yyyy") ?? "—";
}
