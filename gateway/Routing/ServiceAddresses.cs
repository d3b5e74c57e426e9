namespace Platform.Gateway.Routing;

/// <summary>
/// Where each backend listens, section "Services" (for example Services:documents =
/// http://127.0.0.1:5101). Kubernetes gives service DNS names; make run gives loopback ports.
/// </summary>
public static class ServiceAddresses
{
    public const string Identity = "identity";
    public const string Documents = "documents";
    public const string Tasks = "tasks";
    public const string Portal = "portal";
    public const string Gazette = "gazette";
    public const string Reporting = "reporting";

    /// <summary>The five domain services every deployment has; identity is optional (Keycloak takes its place).</summary>
    public static readonly string[] Backends = [Documents, Tasks, Portal, Gazette, Reporting];

    public static IReadOnlyDictionary<string, Uri> Read(IConfiguration configuration)
    {
        var addresses = new Dictionary<string, Uri>();
        foreach (var name in Backends.Append(Identity))
        {
            var value = configuration[$"Services:{name}"];
            if (string.IsNullOrWhiteSpace(value)) continue;
            if (!Uri.TryCreate(value, UriKind.Absolute, out var uri))
            {
                throw new InvalidOperationException($"Services:{name} = '{value}' is not an absolute URL.");
            }
            addresses[name] = uri;
        }
        var missing = Backends.Where(b => !addresses.ContainsKey(b)).ToArray();
        if (missing.Length > 0)
        {
            throw new InvalidOperationException($"The gateway needs the address of every service; missing: {string.Join(", ", missing.Select(m => "Services:" + m))}.");
        }
        return addresses;
    }
}
