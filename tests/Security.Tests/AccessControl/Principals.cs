using Platform.ServiceDefaults.Auth;
using Platform.TestSupport;

namespace Platform.Security.Tests.AccessControl;

/// <summary>Everyone who can knock: each realm role, a service account, and nobody (anonymous).</summary>
public static class Principals
{
    public static readonly TestUser Service = new("service-account-reporting", "", "none", Roles.Service);

    public static readonly IReadOnlyDictionary<string, TestUser?> All = new Dictionary<string, TestUser?>
    {
        [Roles.Clerk] = TestUser.Clerk,
        [Roles.Specialist] = TestUser.Specialist,
        [Roles.Leader] = TestUser.Leader,
        [Roles.PortalEditor] = TestUser.PortalEditor,
        [Roles.GazetteEditor] = TestUser.GazetteEditor,
        [Roles.Administrator] = TestUser.Administrator,
        [Roles.Service] = Service,
        ["anonymous"] = null,
    };

    /// <summary>The realm file's sample user holding each role (password <c>RealmLogin.Password</c>).</summary>
    public static readonly IReadOnlyDictionary<string, string> RealmUsers = new Dictionary<string, string>
    {
        [Roles.Clerk] = "vanthu", [Roles.Specialist] = "chuyenvien", [Roles.Leader] = "lanhdao",
        [Roles.PortalEditor] = "bientap", [Roles.GazetteEditor] = "congbao", [Roles.Administrator] = "quantri",
    };
}
