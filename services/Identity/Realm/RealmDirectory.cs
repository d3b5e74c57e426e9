using System.Security.Cryptography;
using System.Text;

namespace Platform.Identity.Realm;

/// <summary>The loaded realm (realm, "vùng quản lý" in Keycloak's Vietnamese UI): lookups over its users, clients and roles.</summary>
public sealed class RealmDirectory
{
    private readonly Dictionary<string, RealmUser> usersByName;
    private readonly Dictionary<string, RealmUser> usersBySubject;
    private readonly Dictionary<string, RealmUser> serviceAccounts;
    private readonly Dictionary<string, RealmClient> clients;
    private readonly Dictionary<string, RealmRole> roles;

    public RealmDirectory(RealmFile file)
    {
        if (string.IsNullOrWhiteSpace(file.Realm)) throw new InvalidOperationException("The realm file names no realm.");
        File = file;
        // Keycloak keeps usernames in lower case, so sign-in ignores case.
        usersByName = Index(file.Users, user => user.Username, StringComparer.OrdinalIgnoreCase, "username");
        usersBySubject = Index(file.Users, SubjectOf, StringComparer.Ordinal, "user id");
        serviceAccounts = Index(file.Users.Where(user => user.ServiceAccountClientId is not null),
            user => user.ServiceAccountClientId!, StringComparer.Ordinal, "serviceAccountClientId");
        clients = Index(file.Clients, client => client.ClientId, StringComparer.Ordinal, "clientId");
        roles = Index(file.Roles.Realm, role => role.Name, StringComparer.Ordinal, "realm role");
    }

    public RealmFile File { get; }
    public string Name => File.Realm;
    public string DisplayName => File.DisplayName ?? File.Realm;
    public IEnumerable<RealmClient> Clients => File.Clients;

    public static RealmDirectory Load(string path)
    {
        if (!System.IO.File.Exists(path))
        {
            throw new FileNotFoundException($"Realm file not found at '{path}' (config key Identity:RealmFile).", path);
        }
        return new RealmDirectory(RealmFile.Parse(System.IO.File.ReadAllText(path)));
    }

    public RealmUser? FindUser(string username) => usersByName.GetValueOrDefault(username.Trim());
    public RealmUser? FindUserBySubject(string subject) => usersBySubject.GetValueOrDefault(subject);
    public RealmUser? FindServiceAccount(string clientId) => serviceAccounts.GetValueOrDefault(clientId);
    public RealmClient? FindClient(string clientId) => clients.GetValueOrDefault(clientId);

    /// <summary>
    /// The token subject: the user's id from the file, as Keycloak keeps it on import. A user without
    /// one gets a name-based id so that restarts do not change the subject of the same person.
    /// </summary>
    public string SubjectOf(RealmUser user)
    {
        if (!string.IsNullOrWhiteSpace(user.Id)) return user.Id;
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{File.Realm}/{user.Username.ToLowerInvariant()}"));
        return new Guid(hash.AsSpan(0, 16)).ToString();
    }

    /// <summary>The user's realm roles with composite roles expanded, as Keycloak puts them in realm_access.</summary>
    public IReadOnlyList<string> RealmRolesOf(RealmUser user)
    {
        var result = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>(Enumerable.Reverse(user.RealmRoles));
        while (pending.TryPop(out var name))
        {
            if (!seen.Add(name)) continue;
            result.Add(name);
            if (roles.TryGetValue(name, out var role) && role.Composite && role.Composites is { } composites)
            {
                foreach (var child in Enumerable.Reverse(composites.Realm)) pending.Push(child);
            }
        }
        return result;
    }

    private static Dictionary<string, T> Index<T>(IEnumerable<T> items, Func<T, string> key, StringComparer comparer, string what)
    {
        var index = new Dictionary<string, T>(comparer);
        foreach (var item in items)
        {
            if (!index.TryAdd(key(item), item)) throw new InvalidOperationException($"The realm file has two entries with {what} '{key(item)}'.");
        }
        return index;
    }
}
