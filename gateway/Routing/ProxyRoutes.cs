using System.Globalization;
using Platform.Contracts;
using Platform.ServiceDefaults.Auth;
using Yarp.ReverseProxy.Configuration;

namespace Platform.Gateway.Routing;

/// <summary>
/// The route table of DESIGN.md, built in code from the service addresses so a port is
/// written down once. Each /api area carries the same policy the service itself enforces.
/// </summary>
public static class ProxyRoutes
{
    /// <summary>YARP's reserved policy name for routes that need no token.</summary>
    public const string Anonymous = "anonymous";

    /// <summary>Route metadata key: the body limit of that route where it differs from the gateway's.</summary>
    public const string MaxRequestBodyBytesKey = "MaxRequestBodyBytes";

    /// <summary>The body limit the matched route sets (see <see cref="MaxRequestBodyBytesKey"/>), if any.</summary>
    public static long? MaxRequestBodyBytesOf(Endpoint? endpoint) =>
        endpoint?.Metadata.GetMetadata<Yarp.ReverseProxy.Model.RouteModel>()?.Config.Metadata is { } metadata
        && metadata.TryGetValue(MaxRequestBodyBytesKey, out var value)
        && long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var bytes)
            ? bytes
            : null;

    public static (IReadOnlyList<RouteConfig> Routes, IReadOnlyList<ClusterConfig> Clusters) Build(IReadOnlyDictionary<string, Uri> addresses)
    {
        var routes = new List<RouteConfig>
        {
            Api(ServiceAddresses.Documents, "/api/documents", Policies.DocumentsAccess),
            // Anyone holding an issued public document may check its signature; the service
            // itself answers only for issued, public, non-secret documents.
            new RouteConfig
            {
                RouteId = "documents-verification",
                ClusterId = ServiceAddresses.Documents,
                AuthorizationPolicy = Anonymous,
                Match = new RouteMatch { Path = "/api/documents/outgoing/{id}/verification", Methods = ["GET", "POST"] },
            },
            // Other agencies post edXML packages here; they hold no account in our realm, so the service
            // authenticates them itself by the key each pair of agencies shares (ExchangeCallerSignature).
            new RouteConfig
            {
                RouteId = "documents-exchange-packages",
                ClusterId = ServiceAddresses.Documents,
                AuthorizationPolicy = Anonymous,
                Match = new RouteMatch { Path = "/api/documents/exchange/packages", Methods = ["POST"] },
                // A package carries its files base64-encoded: it gets the inbox's limit, not the upload one.
                Metadata = new Dictionary<string, string> { [MaxRequestBodyBytesKey] = ExchangeLimits.MaxPackageBytes.ToString(CultureInfo.InvariantCulture) },
            },
            new RouteConfig
            {
                RouteId = "documents-exchange-certificate",
                ClusterId = ServiceAddresses.Documents,
                AuthorizationPolicy = Anonymous,
                Match = new RouteMatch { Path = "/api/documents/exchange/certificate", Methods = ["GET"] },
            },
            Api(ServiceAddresses.Tasks, "/api/tasks", Policies.TasksAccess),
            Api(ServiceAddresses.Gazette, "/api/gazette", Policies.GazetteAccess),
            // The published gazette is free to everyone (Nghị định 30/2020, DOMAIN.md section 4).
            Api(ServiceAddresses.Gazette, "/api/gazette/public", Anonymous, "gazette-public"),
            Api(ServiceAddresses.Reporting, "/api/reports", Policies.ReportsAccess),
            // Everything else is the portal: public pages are anonymous, and the portal itself
            // asks for sign-in on its staff pages.
            new RouteConfig
            {
                RouteId = "portal",
                ClusterId = ServiceAddresses.Portal,
                AuthorizationPolicy = Anonymous,
                Order = 1000,
                Match = new RouteMatch { Path = "/{**rest}" },
            },
        };
        if (addresses.ContainsKey(ServiceAddresses.Identity))
        {
            routes.Add(new RouteConfig
            {
                RouteId = "identity",
                ClusterId = ServiceAddresses.Identity,
                AuthorizationPolicy = Anonymous,
                Match = new RouteMatch { Path = "/realms/{**rest}" },
            });
        }
        var clusters = addresses.Select(a => new ClusterConfig
        {
            ClusterId = a.Key,
            Destinations = new Dictionary<string, DestinationConfig> { [a.Key] = new() { Address = a.Value.ToString() } },
            HttpRequest = new Yarp.ReverseProxy.Forwarder.ForwarderRequestConfig { ActivityTimeout = TimeSpan.FromSeconds(100) },
        }).ToList();
        return (routes, clusters);
    }

    private static RouteConfig Api(string cluster, string prefix, string policy, string? routeId = null) => new()
    {
        RouteId = routeId ?? cluster + "-api",
        ClusterId = cluster,
        AuthorizationPolicy = policy,
        Match = new RouteMatch { Path = prefix + "/{**rest}" },
    };
}
