using System.Net;
using Microsoft.AspNetCore.Mvc;
using Platform.Portal.Staff;
using Platform.Portal.Staff.Clients;
using Platform.Portal.Staff.Display;

namespace Platform.Portal.Pages.Staff.Outgoing;

/// <summary>
/// An outgoing document's progress through approval and issue, and, once sent, each
/// recipient's exchange status. Where the Documents service has no per-recipient status to
/// give, the page lists the recipients and says the status is unavailable; it never guesses one.
/// </summary>
public sealed class DetailModel(DocumentsClient documents) : StaffPageModel
{
    public OutgoingDocument? Document { get; private set; }
    public IReadOnlyList<RecipientStatus>? Recipients { get; private set; }
    public bool RecipientStatusAvailable => Recipients is not null;
    public string RecipientStatusNote { get; private set; } = "";

    /// <summary>Recipients of the document that no exchange delivery names: they get it on paper or inside the office.</summary>
    public IEnumerable<string> RecipientsOutsideExchange =>
        Document!.Recipients.Where(r => Recipients is null || !Recipients.Any(s => s.IsNamedBy(r)));

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var result = await documents.OutgoingAsync(id, cancellationToken);
        if (Failed(result)) return result.Status == HttpStatusCode.NotFound ? NotFound() : Page();
        Document = result.Value!;
        if (!OutgoingProgress.HasBeenSent(Document.Status))
        {
            RecipientStatusNote = "Văn bản chưa phát hành nên chưa có tình trạng gửi, nhận.";
            return Page();
        }
        var recipients = await documents.RecipientsAsync(id, cancellationToken);
        if (recipients.Succeeded) Recipients = recipients.Value;
        else RecipientStatusNote = recipients.Status == HttpStatusCode.NotFound
            ? "Tình trạng gửi, nhận theo từng nơi nhận chưa có: dịch vụ văn bản chưa cung cấp thông tin này."
            : $"Không lấy được tình trạng gửi, nhận: {recipients.Error}";
        return Page();
    }
}
