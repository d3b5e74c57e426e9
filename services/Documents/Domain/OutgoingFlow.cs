using Platform.ServiceDefaults.Auth;
using Platform.ServiceDefaults.Errors;

namespace Platform.Documents.Domain;

/// <summary>
/// The outgoing flow of Nghị định 30/2020/NĐ-CP: the specialist drafts and submits, a leader
/// checks, approves and signs, the clerk numbers, issues and files. Administrators may do
/// the clerk's work. A recalled document is frozen.
/// </summary>
public static class OutgoingFlow
{
    private sealed record Step(OutgoingStatus[] From, OutgoingStatus To, string[] Roles, string Who);

    private static readonly Dictionary<OutgoingAction, Step> Steps = new()
    {
        [OutgoingAction.Submit] = new([OutgoingStatus.Draft], OutgoingStatus.InReview, [Roles.Specialist], "chuyên viên"),
        [OutgoingAction.Review] = new([OutgoingStatus.InReview], OutgoingStatus.Reviewed, [Roles.Leader], "lãnh đạo"),
        [OutgoingAction.Return] = new([OutgoingStatus.InReview, OutgoingStatus.Reviewed, OutgoingStatus.Approved], OutgoingStatus.Draft, [Roles.Leader], "lãnh đạo"),
        [OutgoingAction.Approve] = new([OutgoingStatus.Reviewed], OutgoingStatus.Approved, [Roles.Leader], "lãnh đạo"),
        [OutgoingAction.Sign] = new([OutgoingStatus.Approved], OutgoingStatus.Signed, [Roles.Leader], "lãnh đạo"),
        [OutgoingAction.Issue] = new([OutgoingStatus.Signed], OutgoingStatus.Issued, [Roles.Clerk, Roles.Administrator], "văn thư"),
        [OutgoingAction.File] = new([OutgoingStatus.Issued], OutgoingStatus.Filed, [Roles.Clerk, Roles.Administrator], "văn thư"),
        [OutgoingAction.Recall] = new([OutgoingStatus.Issued, OutgoingStatus.Filed], OutgoingStatus.Recalled, [Roles.Leader, Roles.Clerk, Roles.Administrator], "lãnh đạo hoặc văn thư"),
    };

    /// <summary>The status the action leads to; throws a Vietnamese rule error when the step is not allowed.</summary>
    public static OutgoingStatus Next(OutgoingStatus current, OutgoingAction action, Actor actor)
    {
        var step = Steps[action];
        if (!step.Roles.Any(actor.HasRole))
        {
            throw new DomainRuleException($"Chỉ {step.Who} mới được {action.Label()} văn bản đi.", 403, "wrong-role");
        }
        if (current == OutgoingStatus.Recalled)
        {
            throw new DomainRuleException("Văn bản đã bị thu hồi; không thể thay đổi.", 409, "recalled");
        }
        if (!step.From.Contains(current))
        {
            throw new DomainRuleException(
                $"Không thể {action.Label()} văn bản đang ở trạng thái \"{current.Label()}\".", 409, "illegal-transition");
        }
        return step.To;
    }

    /// <summary>Actions that the actor could take now; lets a client show only the buttons that work.</summary>
    public static IReadOnlyList<OutgoingAction> Available(OutgoingStatus current, Actor actor) =>
        Steps.Where(s => s.Value.From.Contains(current) && s.Value.Roles.Any(actor.HasRole)).Select(s => s.Key).ToArray();
}

/// <summary>Who does a step: the signed-in person's name, unit and roles.</summary>
public sealed record Actor(string Username, string? Unit, IReadOnlySet<string> Roles)
{
    public bool HasRole(string role) => Roles.Contains(role);

    public static Actor From(System.Security.Claims.ClaimsPrincipal user) => new(
        user.Username(),
        user.Unit(),
        Platform.ServiceDefaults.Auth.Roles.All.Where(user.IsInRole).ToHashSet());
}
