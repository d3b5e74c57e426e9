namespace Platform.Documents.Exchange;

/// <summary>An agency on the exchange axes (cơ quan, tổ chức tham gia liên thông văn bản).</summary>
public sealed record Agency(string Code, string Name, string OrganizationInCharge, Uri? Endpoint)
{
    public Organization ToOrganization() => new(Code, OrganizationInCharge, Name);
}
