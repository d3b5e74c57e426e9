using Microsoft.AspNetCore.Mvc;
using Platform.Contracts;
using Platform.Portal.Staff;
using Platform.Portal.Staff.Clients;

namespace Platform.Portal.Pages.Staff;

/// <summary>Full-text search over every document the person may read; the Documents service trims by unit and clearance.</summary>
public sealed class SearchModel(DocumentsClient documents) : StaffPageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Type { get; set; }
    [BindProperty(SupportsGet = true)] public string? IssuingBody { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public Urgency? Urgency { get; set; }
    [BindProperty(SupportsGet = true, Name = "trang")] public int PageNumber { get; set; } = 1;

    public SearchPage? Results { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (Q is null && Type is null && IssuingBody is null && From is null && To is null && Status is null && Urgency is null) return;
        var result = await documents.SearchAsync(Filters(), cancellationToken);
        if (!Failed(result)) Results = result.Value;
    }

    public static string FacetName(string facet) => facet switch
    {
        "type" => "Loại văn bản",
        "issuingBody" => "Cơ quan ban hành",
        "status" => "Trạng thái",
        "urgency" => "Độ khẩn",
        _ => facet,
    };

    /// <summary>
    /// The chosen status as people read it: Documents names its statuses (DocumentStatusNames) and sends
    /// the name with the status facet; the code shows only if the facet does not carry it.
    /// </summary>
    public string? StatusName => Status is null ? null
        : Results?.Facets.GetValueOrDefault("status")?.FirstOrDefault(f => f.Value == Status)?.Label ?? Status;

    public string WithoutStatus() => Link(Filters() with { Status = null, Page = 1 });

    public string WithFacet(string facet, string value) => Link(facet switch
    {
        "type" => Filters() with { Type = value, Page = 1 },
        "issuingBody" => Filters() with { IssuingBody = value, Page = 1 },
        "status" => Filters() with { Status = value, Page = 1 },
        "urgency" when Enum.TryParse<Urgency>(value, out var urgency) => Filters() with { Urgency = urgency, Page = 1 },
        _ => Filters(),
    });

    public string NextPage() => Link(Filters() with { Page = PageNumber + 1 });

    private SearchFilters Filters() => new(Q, Type, IssuingBody, From, To, Status, Urgency, PageNumber);

    private static string Link(SearchFilters filters) => "/staff/tim-kiem" + filters.ToQueryString("trang");
}
