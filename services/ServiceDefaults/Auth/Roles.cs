namespace Platform.ServiceDefaults.Auth;

/// <summary>Realm roles, as named in the realm file both Keycloak and services/Identity load.</summary>
public static class Roles
{
    /// <summary>Văn thư: registers and issues documents.</summary>
    public const string Clerk = "clerk";
    /// <summary>Chuyên viên: drafts and handles.</summary>
    public const string Specialist = "specialist";
    /// <summary>Lãnh đạo: directs, approves, signs.</summary>
    public const string Leader = "leader";
    /// <summary>Biên tập viên cổng thông tin.</summary>
    public const string PortalEditor = "portal-editor";
    /// <summary>Biên tập viên công báo.</summary>
    public const string GazetteEditor = "gazette-editor";
    /// <summary>Quản trị hệ thống.</summary>
    public const string Administrator = "administrator";

    /// <summary>Service accounts (client credentials) of the platform's own services; they read, never act for a person.</summary>
    public const string Service = "service";

    /// <summary>The roles people hold.</summary>
    public static readonly IReadOnlyList<string> All = [Clerk, Specialist, Leader, PortalEditor, GazetteEditor, Administrator];
}

/// <summary>Authorization policy names shared by the gateway and the services.</summary>
public static class Policies
{
    public const string DocumentsAccess = "documents";
    public const string TasksAccess = "tasks";
    public const string GazetteAccess = "gazette";
    public const string ReportsAccess = "reports";
    public const string StaffAccess = "staff";

    /// <summary>Which roles each API area admits. The gateway applies the same table at the edge.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> RolesByPolicy = new Dictionary<string, string[]>
    {
        [DocumentsAccess] = [Roles.Clerk, Roles.Specialist, Roles.Leader, Roles.Administrator, Roles.Service],
        [TasksAccess] = [Roles.Clerk, Roles.Specialist, Roles.Leader, Roles.Administrator, Roles.Service],
        [GazetteAccess] = [Roles.GazetteEditor, Roles.Leader, Roles.Clerk, Roles.Administrator, Roles.Service],
        [ReportsAccess] = [Roles.Leader, Roles.Specialist, Roles.Administrator, Roles.Service],
        [StaffAccess] = Roles.All.ToArray(),
    };
}
