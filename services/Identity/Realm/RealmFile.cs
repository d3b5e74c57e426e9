using System.Text.Json;
using System.Text.Json.Serialization;

namespace Platform.Identity.Realm;

/// <summary>
/// A Keycloak realm export (realm-export JSON): the part of it Identity acts on. Property names are
/// Keycloak's, so the same file imports into Keycloak unchanged; defaults are Keycloak's defaults.
/// </summary>
public sealed class RealmFile
{
    public required string Realm { get; init; }
    public string? DisplayName { get; init; }
    public bool Enabled { get; init; } = true;
    public int? AccessTokenLifespan { get; init; }
    public int? SsoSessionIdleTimeout { get; init; }
    public bool BruteForceProtected { get; init; }
    public bool PermanentLockout { get; init; }
    public int FailureFactor { get; init; } = 30;
    public int WaitIncrementSeconds { get; init; } = 60;
    public int MaxFailureWaitSeconds { get; init; } = 900;
    public int MaxDeltaTimeSeconds { get; init; } = 43200;
    public RealmRoles Roles { get; init; } = new();
    public List<RealmUser> Users { get; init; } = [];
    public List<RealmClient> Clients { get; init; } = [];

    internal static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static RealmFile Parse(string json) =>
        JsonSerializer.Deserialize<RealmFile>(json, JsonOptions)
        ?? throw new InvalidOperationException("The realm file is empty.");
}

public sealed class RealmRoles
{
    public List<RealmRole> Realm { get; init; } = [];
}

public sealed class RealmRole
{
    public required string Name { get; init; }
    public string? Description { get; init; }
    public bool Composite { get; init; }
    public RoleComposites? Composites { get; init; }
}

public sealed class RoleComposites
{
    public List<string> Realm { get; init; } = [];
}
