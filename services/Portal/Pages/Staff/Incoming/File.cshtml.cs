using Microsoft.AspNetCore.Mvc;
using Platform.Portal.Staff;
using Platform.Portal.Staff.Clients;

namespace Platform.Portal.Pages.Staff.Incoming;

/// <summary>
/// One attachment (tệp đính kèm) of an incoming document, fetched from Documents with the person's own
/// token: Documents decides who may read it (clearance, unit), the console only passes the file on.
/// </summary>
public sealed class FileModel(DocumentsClient documents) : StaffPageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, Guid attachmentId, CancellationToken cancellationToken)
    {
        var result = await documents.IncomingAttachmentAsync(id, attachmentId, cancellationToken);
        if (Failed(result))
        {
            if (result.Status == System.Net.HttpStatusCode.NotFound) return NotFound();
            Response.StatusCode = (int)result.Status;
            return Content(Error!, "text/plain; charset=utf-8");
        }
        var file = result.Value!;
        Response.RegisterForDispose(file);
        return File(file.Content, file.ContentType, file.FileName ?? "tep-dinh-kem");
    }
}
