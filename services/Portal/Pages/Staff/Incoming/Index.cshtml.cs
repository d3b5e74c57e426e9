using Microsoft.AspNetCore.Mvc;
using Platform.Portal.Staff;
using Platform.Portal.Staff.Clients;

namespace Platform.Portal.Pages.Staff.Incoming;

/// <summary>Incoming documents the person may see; "cho-chi-dao" keeps those still waiting for a leader's direction.</summary>
public sealed class IndexModel(DocumentsClient documents) : StaffPageModel
{
    public const string WaitingView = "cho-chi-dao";
    public IReadOnlyList<IncomingDocument> Documents { get; private set; } = [];
    public bool Waiting { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? view, CancellationToken cancellationToken)
    {
        if (view is not null && view != WaitingView) return NotFound();
        Waiting = view == WaitingView;
        // Registered is the state between registration and the leader's direction.
        var result = await documents.IncomingAsync(Waiting ? "Registered" : null, cancellationToken);
        if (!Failed(result)) Documents = result.Value ?? [];
        return Page();
    }
}
