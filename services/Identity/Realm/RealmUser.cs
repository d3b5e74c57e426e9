namespace Platform.Identity.Realm;

/// <summary>A user of the realm (người dùng), or the service account of a client.</summary>
public sealed class RealmUser
{
    public string? Id { get; init; }
    public required string Username { get; init; }

    // Keycloak imports a user without "enabled" as disabled.
    public bool Enabled { get; init; }
    public string? FirstName { get; init; }
    public string? LastName { get; init; }
    public string? Email { get; init; }
    public bool EmailVerified { get; init; }
    public Dictionary<string, List<string>> Attributes { get; init; } = [];
    public List<RealmCredential> Credentials { get; init; } = [];
    public List<string> RealmRoles { get; init; } = [];

    /// <summary>Set on the user Keycloak creates for a client with service accounts enabled.</summary>
    public string? ServiceAccountClientId { get; init; }

    public IReadOnlyList<string> Attribute(string name) => name switch
    {
        // Keycloak's user profile exposes the built-in properties as attributes too.
        "username" => [Username],
        "email" => Email is null ? [] : [Email],
        "firstName" => FirstName is null ? [] : [FirstName],
        "lastName" => LastName is null ? [] : [LastName],
        _ => Attributes.TryGetValue(name, out var values) ? values : [],
    };
}

/// <summary>
/// A stored credential. Keycloak keeps a password as two JSON strings: secretData (hash and salt)
/// and credentialData (algorithm and iterations); a plain "value" is hashed by Keycloak on import.
/// </summary>
public sealed class RealmCredential
{
    public string Type { get; init; } = "password";
    public string? Value { get; init; }
    public string? SecretData { get; init; }
    public string? CredentialData { get; init; }
    public string? UserLabel { get; init; }
    public long? CreatedDate { get; init; }
    public bool? Temporary { get; init; }
}
