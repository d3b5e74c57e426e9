namespace Platform.Reporting.Domain;

/// <summary>
/// The figures of a closed period as generated and signed, so the report sent upward can be
/// proven later. One per period and scope: it is never overwritten.
/// </summary>
public sealed class ReportSnapshot
{
    public long Id { get; init; }
    public required string PeriodKey { get; init; }
    /// <summary>"province" or a unit code.</summary>
    public required string Scope { get; init; }
    /// <summary>The figures as canonical JSON; the signature covers exactly these bytes.</summary>
    public required byte[] Content { get; init; }
    public required string Sha256 { get; init; }
    /// <summary>CMS (PKCS #7) detached signature over <see cref="Content"/>.</summary>
    public required byte[] Signature { get; init; }
    public DateTimeOffset GeneratedAt { get; init; }
    public required string GeneratedBy { get; init; }
}
