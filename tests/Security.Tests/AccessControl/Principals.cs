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
}
