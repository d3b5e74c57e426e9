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

    /// <summary>
    /// CA certificates (PEM text or a path to a PEM/DER file) whose signatures we accept on received
    /// packages, besides our own: the partners' CAs, or the national root they all chain to.
    /// </summary>
    public List<string> TrustedCertificates { get; set; } = [];

    /// <summary>How often the dispatcher looks for packages due to leave.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>First wait after a failed delivery; it doubles up to <see cref="RetryLongest"/>.</summary>
    public TimeSpan RetryFirst { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan RetryLongest { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How far a caller's clock may be from ours before its signed request counts as a replay.</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromMinutes(5);
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
    /// <summary>
    /// The secret shared with this agency: it signs our calls to it and checks its calls to us. Set it
    /// from a secret store (environment), not a committed file; without it the agency cannot call us.
    /// </summary>
    public string? Key { get; set; }
}
