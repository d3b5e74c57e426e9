using System.Linq.Expressions;
using System.Security.Claims;
using Platform.Contracts;
using Platform.ServiceDefaults.Auth;

namespace Platform.Documents.Domain;

/// <summary>
/// Who may read which document: never above the reader's secrecy clearance; the
/// office's clerks, leaders and administrators see every unit's documents, anyone else only
/// those their unit registered, leads or supports.
/// </summary>
public sealed record DocumentAccess(Secrecy Clearance, string? Unit, bool SeesAllUnits)
{
    public static DocumentAccess For(ClaimsPrincipal user) => new(
        user.Clearance(),
        user.Unit(),
        user.IsInRole(Roles.Clerk) || user.IsInRole(Roles.Leader) || user.IsInRole(Roles.Administrator));

    public Expression<Func<IncomingDocument, bool>> Filter()
    {
        var clearance = Clearance;
        if (SeesAllUnits) return d => d.Secrecy <= clearance;
        var unit = Unit ?? "\u0000";
        var listed = "," + unit + ",";
        return d => d.Secrecy <= clearance
            && (d.RegisteredByUnit == unit || d.LeadUnit == unit || ("," + d.SupportingUnits + ",").Contains(listed));
    }

    public bool CanRead(IncomingDocument document) => Filter().Compile()(document);

    /// <summary>Outgoing documents: the same clearance rule; outside the office, only the drafting unit's own.</summary>
    public Expression<Func<OutgoingDocument, bool>> OutgoingFilter()
    {
        var clearance = Clearance;
        if (SeesAllUnits) return d => d.Secrecy <= clearance;
        var unit = Unit ?? "\u0000";
        return d => d.Secrecy <= clearance && d.DraftingUnit == unit;
    }
}
