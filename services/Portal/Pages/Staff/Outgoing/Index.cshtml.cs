using Platform.Portal.Staff;
using Platform.Portal.Staff.Clients;

namespace Platform.Portal.Pages.Staff.Outgoing;

/// <summary>Outgoing documents (văn bản đi) the person may see, drafts to issued, with where each one is.</summary>
public sealed class IndexModel(DocumentsClient documents) : StaffPageModel
{
    public IReadOnlyList<OutgoingDocument> Documents { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var result = await documents.OutgoingAsync(cancellationToken);
        if (!Failed(result)) Documents = result.Value ?? [];
    }
}
