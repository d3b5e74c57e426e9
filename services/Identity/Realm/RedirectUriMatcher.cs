namespace Platform.Identity.Realm;

/// <summary>
/// Keycloak's redirect URI rules: a registered URI matches exactly, or, when it ends with "*", as a
/// prefix of the requested URI without its query. One addition: a registered loopback URI without an
/// explicit port (http://127.0.0.1/*, http://[::1]/*, http://localhost/*) matches any port, as RFC 8252
/// §7.3 asks of servers for loopback redirects, because local runs and tests bind random ports.
/// A registered URI with a port keeps that port strict.
/// </summary>
public static class RedirectUriMatcher
{
    public static bool Matches(string requested, IEnumerable<string> registered)
    {
        if (!Uri.TryCreate(requested, UriKind.Absolute, out var candidate)) return false;
        // Keycloak refuses fragments, user info and dot segments before it compares anything.
        if (!string.IsNullOrEmpty(candidate.Fragment) || !string.IsNullOrEmpty(candidate.UserInfo)) return false;
        if (requested.Contains("/../", StringComparison.Ordinal) || requested.Contains("/./", StringComparison.Ordinal)) return false;

        return registered.Any(pattern => Matches(candidate, pattern.Trim()));
    }

    private static bool Matches(Uri candidate, string pattern)
    {
        if (pattern.Length == 0) return false;
        var wildcard = pattern.EndsWith('*');
        var fixedPart = wildcard ? pattern[..^1] : pattern;
        var portFree = IsPortFreeLoopback(fixedPart, candidate);
        var requested = portFree ? new UriBuilder(candidate) { Port = -1 }.Uri : candidate;

        if (wildcard)
        {
            var withoutQuery = requested.GetLeftPart(UriPartial.Path);
            return withoutQuery.StartsWith(Normalise(fixedPart), StringComparison.Ordinal);
        }
        return string.Equals(requested.AbsoluteUri, Normalise(fixedPart), StringComparison.Ordinal);
    }

    private static bool IsPortFreeLoopback(string pattern, Uri candidate) =>
        candidate.IsLoopback
        && candidate.Scheme == Uri.UriSchemeHttp
        && Uri.TryCreate(pattern, UriKind.Absolute, out var registered)
        && registered.Scheme == Uri.UriSchemeHttp
        && registered.IsLoopback
        && string.Equals(registered.Host, candidate.Host, StringComparison.OrdinalIgnoreCase)
        && registered.IsDefaultPort;

    // Scheme and host compare case-insensitively, as in Keycloak; the rest is compared as written.
    private static string Normalise(string uri) =>
        Uri.TryCreate(uri, UriKind.Absolute, out var parsed) ? parsed.AbsoluteUri : uri;
}
