namespace Platform.Portal.Domain;

/// <summary>
/// A standing section of the portal (chuyên mục) that Nghị định 42/2022/NĐ-CP requires:
/// introduction, direction and administration, legal documents, plans, projects, procedures
/// and public services, consultation, contacts. Portal editors keep the text and links current.
/// </summary>
public sealed class PortalSection
{
    public required string Key { get; init; }
    public required string Title { get; set; }
    /// <summary>Plain text; a blank line starts a new paragraph. Shown encoded, never as HTML.</summary>
    public required string Body { get; set; }
    /// <summary>One link a line, "label | address"; see <see cref="Links"/>.</summary>
    public string LinksText { get; set; } = "";
    public DateTimeOffset UpdatedAt { get; set; }
    public required string UpdatedBy { get; set; }

    public IEnumerable<string> Paragraphs =>
        Body.Replace("\r\n", "\n").Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>The links whose address is safe to put in an href: http(s) or a path on the portal.</summary>
    public IReadOnlyList<SectionLink> Links => SectionLink.Parse(LinksText);
}

/// <summary>A link in a section, such as the national public services portal.</summary>
public sealed record SectionLink(string Label, string Address)
{
    public static IReadOnlyList<SectionLink> Parse(string text) =>
        text.Replace("\r\n", "\n").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split('|', 2, StringSplitOptions.TrimEntries))
            .Where(parts => parts.Length == 2 && parts[0].Length > 0 && IsSafeAddress(parts[1]))
            .Select(parts => new SectionLink(parts[0], parts[1]))
            .ToArray();

    /// <summary>
    /// An editor's typo or a stolen editor account must not put a javascript: or data: address
    /// in front of citizens; only web addresses and the portal's own paths are kept.
    /// </summary>
    public static bool IsSafeAddress(string address) =>
        (address.StartsWith('/') && !address.StartsWith("//", StringComparison.Ordinal))
        || (Uri.TryCreate(address, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp));
}

/// <summary>The fixed list of sections, in menu order, with their readable addresses.</summary>
public static class PortalSections
{
    public const string Introduction = "gioi-thieu";
    public const string Direction = "chi-dao-dieu-hanh";
    public const string LegalDocuments = "van-ban-quy-pham-phap-luat";
    public const string Plans = "quy-hoach-ke-hoach";
    public const string Projects = "du-an-dau-thau";
    public const string Procedures = "thu-tuc-hanh-chinh";
    public const string Consultation = "lay-y-kien-du-thao";
    public const string Contacts = "lien-he";

    public static readonly IReadOnlyList<(string Key, string Title)> All =
    [
        (Introduction, "Giới thiệu"),
        (Direction, "Chỉ đạo điều hành"),
        (LegalDocuments, "Văn bản quy phạm pháp luật"),
        (Plans, "Quy hoạch, kế hoạch"),
        (Projects, "Dự án, đấu thầu"),
        (Procedures, "Thủ tục hành chính, dịch vụ công"),
        (Consultation, "Lấy ý kiến dự thảo"),
        (Contacts, "Liên hệ"),
    ];

    public static bool Exists(string key) => All.Any(s => s.Key == key);

    public const int TitleLimit = 200;
    public const int BodyLimit = 20_000;
    public const int LinksLimit = 4_000;
}
