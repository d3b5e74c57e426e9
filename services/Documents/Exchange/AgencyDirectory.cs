using Platform.ServiceDefaults.Errors;
using Platform.ServiceDefaults.Storage;

namespace Platform.Documents.Exchange;

/// <summary>
/// The agencies we exchange documents with (danh bạ cơ quan liên thông), from configuration. A bad
/// entry stops the service at start-up rather than a package going to the wrong place later.
/// </summary>
public sealed class AgencyDirectory
{
    private readonly Dictionary<string, Agency> byCode = new(StringComparer.Ordinal);

    public AgencyDirectory(ExchangeOptions options)
    {
        var configured = options.Agencies.Count > 0 ? options.Agencies : SampleAgencies.All;
        var problems = new List<string>();
        foreach (var entry in configured)
        {
            var code = entry.Code.Trim();
            if (!AgencyCode.IsValid(code)) problems.Add($"mã \"{entry.Code}\" không đúng dạng 000.00.01.H56");
            if (string.IsNullOrWhiteSpace(entry.Name)) problems.Add($"cơ quan {code} chưa có tên");
            var endpoint = Endpoint(entry, problems);
            if (!byCode.TryAdd(code, new Agency(code, entry.Name.Nfc(), entry.OrganizationInCharge.Nfc(), endpoint, string.IsNullOrWhiteSpace(entry.Key) ? null : entry.Key)))
            {
                problems.Add($"mã {code} được khai báo hai lần");
            }
        }
        if (!byCode.ContainsKey(options.SelfCode)) problems.Add($"mã cơ quan của mình {options.SelfCode} không có trong danh bạ");
        if (problems.Count > 0)
        {
            throw new InvalidOperationException($"Cấu hình {ExchangeOptions.Section} sai: " + string.Join("; ", problems));
        }
        Self = byCode[options.SelfCode];
    }

    public Agency Self { get; }

    public IReadOnlyCollection<Agency> All => byCode.Values;

    public Agency? Find(string code) => byCode.GetValueOrDefault(code.Trim());

    public Agency Get(string code) => Find(code)
        ?? throw new DomainRuleException($"Cơ quan có mã định danh \"{code}\" không có trong danh bạ liên thông.", 404, "unknown-agency");

    private static Uri? Endpoint(AgencyOptions entry, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(entry.Endpoint)) return null;
        if (Uri.TryCreate(entry.Endpoint, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https") return uri;
        problems.Add($"địa chỉ nhận của {entry.Code} không phải URL http(s): {entry.Endpoint}");
        return null;
    }
}
