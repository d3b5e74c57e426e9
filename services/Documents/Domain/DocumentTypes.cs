using Platform.ServiceDefaults.Errors;
using Platform.ServiceDefaults.Storage;

namespace Platform.Documents.Domain;

/// <summary>A type of administrative document (thể loại văn bản) and the abbreviation its code carries.</summary>
/// <param name="CanBeLegalNormative">Whether a document of this type may be a legal normative document
/// (văn bản quy phạm pháp luật): at provincial level only the Council's Nghị quyết and the Committee's Quyết định.</param>
public sealed record DocumentType(string Name, string? Abbreviation, bool CanBeLegalNormative = false)
{
    /// <summary>A công văn carries no type abbreviation: its code names the drafting unit instead.</summary>
    public bool IsOfficialLetter => Name == "Công văn";
}

/// <summary>The 29 types of Nghị định 30/2020/NĐ-CP, Phụ lục III.</summary>
public static class DocumentTypes
{
    public static readonly IReadOnlyList<DocumentType> All =
    [
        new("Nghị quyết", "NQ", CanBeLegalNormative: true),
        new("Quyết định", "QĐ", CanBeLegalNormative: true),
        new("Chỉ thị", "CT"),
        new("Quy chế", "QC"),
        new("Quy định", "QyĐ"),
        new("Thông cáo", "TC"),
        new("Thông báo", "TB"),
        new("Hướng dẫn", "HD"),
        new("Chương trình", "CTr"),
        new("Kế hoạch", "KH"),
        new("Phương án", "PA"),
        new("Đề án", "ĐA"),
        new("Dự án", "DA"),
        new("Báo cáo", "BC"),
        new("Biên bản", "BB"),
        new("Tờ trình", "TTr"),
        new("Hợp đồng", "HĐ"),
        new("Công văn", null),
        new("Công điện", "CĐ"),
        new("Bản ghi nhớ", "BGN"),
        new("Bản thỏa thuận", "BTT"),
        new("Giấy ủy quyền", "GUQ"),
        new("Giấy mời", "GM"),
        new("Giấy giới thiệu", "GGT"),
        new("Giấy nghỉ phép", "GNP"),
        new("Phiếu gửi", "PG"),
        new("Phiếu chuyển", "PC"),
        new("Phiếu báo", "PB"),
        new("Thư công", null),
    ];

    private static readonly Dictionary<string, DocumentType> ByName =
        All.ToDictionary(t => t.Name.ToLowerInvariant(), StringComparer.Ordinal);

    public static DocumentType? Find(string? name) =>
        name is null ? null : ByName.GetValueOrDefault(name.Nfc().ToLowerInvariant());

    public static DocumentType Get(string name) =>
        Find(name) ?? throw new DomainRuleException($"Loại văn bản \"{name}\" không có trong danh mục của Nghị định 30/2020/NĐ-CP.", 422, "unknown-type");
}
