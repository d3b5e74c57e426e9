using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Platform.Portal.Domain;
using Platform.Portal.Persistence;
using Platform.Portal.PublicDocuments;

namespace Platform.Portal.Pages.Documents;

/// <summary>
/// One issued public document with its signed files and the check of its digital signature.
/// Files and check come from Documents and are kept in the read model, so the page still
/// shows them (with the time of the check) while Documents is down.
/// </summary>
public sealed class DetailModel(PortalDbContext db, DocumentsPublicApi documents, IConfiguration configuration, TimeProvider clock, ILogger<DetailModel> logger)
    : PageModel
{
    /// <summary>
    /// How long a signature check stands before a page view asks Documents again
    /// (Portal:SignatureRecheckInterval): a busy page must not cost Documents two calls a view.
    /// </summary>
    private TimeSpan RecheckInterval => configuration.GetValue("Portal:SignatureRecheckInterval", TimeSpan.FromMinutes(10));

    public PublicDocument Document { get; private set; } = null!;
    public bool DocumentsUnavailable { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var document = await db.PublicDocuments.Include(d => d.Files).SingleOrDefaultAsync(d => d.DocumentId == id, cancellationToken);
        if (document is null) return NotFound();
        Document = document;
        await RefreshAsync(document, cancellationToken);
        return Page();
    }

    /// <summary>Streams a signed file from Documents; only for a document the portal lists.</summary>
    public async Task<IActionResult> OnGetFileAsync(Guid id, Guid fileId, CancellationToken cancellationToken)
    {
        if (!await db.PublicDocuments.AnyAsync(d => d.DocumentId == id, cancellationToken)) return NotFound();
        HttpResponseMessage? response;
        try { response = await documents.OpenFileAsync(id, fileId, cancellationToken); }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("Documents unavailable for file {FileId}: {Message}", fileId, exception.Message);
            return StatusCode(StatusCodes.Status503ServiceUnavailable, "Hệ thống quản lý văn bản đang tạm gián đoạn; vui lòng tải tệp sau ít phút.");
        }
        if (response is null) return NotFound();
        HttpContext.Response.RegisterForDispose(response);
        var contentType = response.Content.Headers.ContentType?.ToString() ?? "application/octet-stream";
        var name = response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"') ?? "van-ban";
        return File(await response.Content.ReadAsStreamAsync(cancellationToken), contentType, name);
    }

    private async Task RefreshAsync(PublicDocument document, CancellationToken cancellationToken)
    {
        if (document.Verification is { } last && document.Files.Count > 0 && clock.GetUtcNow() - last.CheckedAt < RecheckInterval) return;
        try
        {
            var files = await documents.FilesAsync(document.DocumentId, cancellationToken);
            var check = await documents.VerifyAsync(document.DocumentId, cancellationToken);
            if (files is null || check is null) return;
            // Files never change after issue; only ones not yet known are added.
            foreach (var file in files.Where(f => document.Files.All(known => known.FileId != f.FileId))) document.Files.Add(file);
            document.Verification = check;
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException
                                           && !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("Documents unavailable for {DocumentId}: {Message}", document.DocumentId, exception.Message);
            DocumentsUnavailable = true;
        }
        catch (DbUpdateException exception)
        {
            // Another request stored the same check a moment earlier; what it stored stands.
            logger.LogInformation(exception, "Signature check of {DocumentId} stored concurrently.", document.DocumentId);
        }
    }
}
