namespace Platform.Documents.Exchange;

/// <summary>
/// Configuration section <c>Documents:Exchange</c>: who we are on the exchange axes and the agencies
/// we exchange with. When no agency is configured the directory holds <see cref="SampleAgencies"/>, so
/// a fresh local run has someone to send to.
/// </summary>
public sealed class ExchangeOptions
{
    public const string Section = "Documents:Exchange";

    /// <summary>Our own identifier code; it must be one of the agencies.</summary>
    public string SelfCode { get; set; } = SampleAgencies.ProvinceOffice;

    public List<AgencyOptions> Agencies { get; set; } = [];

    /// <summary>Địa danh written in PromulgationInfo (the province's name); set per deployment.</summary>
    public string Place { get; set; } = "";
}

/// <summary>One configured agency; bound from configuration, checked by <see cref="AgencyDirectory"/>.</summary>
public sealed class AgencyOptions
{
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    /// <summary>The body the agency belongs to (OrganizationInCharge), e.g. the provincial People's Committee for a department.</summary>
    public string OrganizationInCharge { get; set; } = "";
    /// <summary>Where packages for it are posted when it runs this platform; empty when it is reached through an axis.</summary>
    public string? Endpoint { get; set; }
}
