namespace Platform.Documents.Exchange;

/// <summary>
/// Sample agencies for local runs and tests: the province's office, departments, districts and a
/// ministry. The codes have the official shape but are illustrative, not the assigned ones.
/// </summary>
public static class SampleAgencies
{
    public const string ProvinceOffice = "000.00.01.H56";
    private const string Province = "Ủy ban nhân dân tỉnh";

    public static IReadOnlyList<AgencyOptions> All { get; } =
    [
        New(ProvinceOffice, "Văn phòng Ủy ban nhân dân tỉnh", Province),
        New("000.00.02.H56", "Sở Nội vụ", Province),
        New("000.00.03.H56", "Sở Tài chính", Province),
        New("000.00.04.H56", "Sở Kế hoạch và Đầu tư", Province),
        New("000.00.05.H56", "Sở Tài nguyên và Môi trường", Province),
        New("000.01.00.H56", "Ủy ban nhân dân thành phố", Province),
        New("000.02.00.H56", "Ủy ban nhân dân huyện Cam Lâm", Province),
        New("000.03.00.H56", "Ủy ban nhân dân huyện Diên Khánh", Province),
        New("000.00.00.G12", "Bộ Nội vụ", "Chính phủ"),
    ];

    private static AgencyOptions New(string code, string name, string inCharge) =>
        new() { Code = code, Name = name, OrganizationInCharge = inCharge };
}
