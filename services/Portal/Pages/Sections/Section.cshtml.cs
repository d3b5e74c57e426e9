using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Platform.Portal.Domain;
using Platform.Portal.Persistence;

namespace Platform.Portal.Pages.Sections;

/// <summary>
/// A standing section of the portal (chuyên mục), at its readable address (/gioi-thieu ...).
/// The legal documents section also lists the legal normative documents from the read model;
/// the consultation section lists the drafts open for comment.
/// </summary>
public sealed class SectionModel(PortalDbContext db, TimeProvider clock) : PageModel
{
    public PortalSection Section { get; private set; } = null!;
    public IReadOnlyList<PublicDocument> LegalDocuments { get; private set; } = [];
    public IReadOnlyList<ConsultationDraft> OpenDrafts { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string key, CancellationToken cancellationToken)
    {
        if (!PortalSections.Exists(key)) return NotFound();
        var section = await db.Sections.AsNoTracking().SingleOrDefaultAsync(s => s.Key == key, cancellationToken);
        if (section is null) return NotFound();
        Section = section;
        if (key == PortalSections.LegalDocuments)
        {
            LegalDocuments = await db.PublicDocuments.AsNoTracking().Where(d => d.IsLegalNormative)
                .OrderByDescending(d => d.IssuedDate).Take(50).ToListAsync(cancellationToken);
        }
        if (key == PortalSections.Consultation)
        {
            var today = Platform.ServiceDefaults.VietnamTime.Today(clock);
            OpenDrafts = await db.ConsultationDrafts.AsNoTracking().Where(d => d.OpensOn <= today && d.ClosesOn >= today)
                .OrderBy(d => d.ClosesOn).ToListAsync(cancellationToken);
        }
        return Page();
    }
}
