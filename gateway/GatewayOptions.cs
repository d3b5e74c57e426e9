namespace Platform.Gateway;

/// <summary>Settings of the edge, section "Gateway".</summary>
public sealed class GatewayOptions
{
    public const string Section = "Gateway";

    /// <summary>Largest request body accepted, in bytes (uploads of scanned documents included).</summary>
    public long MaxRequestBodyBytes { get; set; } = 50L * 1024 * 1024;

    /// <summary>Requests per minute one client address may make.</summary>
    public int RequestsPerMinute { get; set; } = 1200;

    /// <summary>
    /// Proxies in front of the gateway (the ingress) whose X-Forwarded-* headers are believed:
    /// single addresses or CIDR ranges, since ingress controller pods change address. Without
    /// this, every citizen would share the ingress's rate-limit bucket.
    /// </summary>
    public string[] TrustedProxies { get; set; } = [];
}
