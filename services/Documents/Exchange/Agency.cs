namespace Platform.Documents.Exchange;

/// <summary>An agency on the exchange axes (cơ quan, tổ chức tham gia liên thông văn bản).</summary>
/// <param name="Key">The secret this agency and we share to authenticate each other's calls (like the axis's per-system secret); never shown.</param>
public sealed record Agency(string Code, string Name, string OrganizationInCharge, Uri? Endpoint, string? Key = null)
{
    public Organization ToOrganization() => new(Code, OrganizationInCharge, Name);
}
