using System.Globalization;

namespace Platform.Identity;

/// <summary>
/// Where Identity finds its realm and keeps its state, read once from configuration.
/// Keys: <c>Identity:PublicUrl</c>, <c>Identity:RealmFile</c>, <c>Identity:AccessTokenLifetime</c>, <c>DataFolder</c>.
/// </summary>
public sealed record IdentitySettings(Uri? PublicUrl, string RealmFile, TimeSpan? AccessTokenLifetime, string StateFolder)
{
    public static IdentitySettings From(IConfiguration configuration)
    {
        var publicUrl = configuration["Identity:PublicUrl"];
        var realmFile = configuration["Identity:RealmFile"];
        var lifetime = configuration["Identity:AccessTokenLifetime"];
        var dataFolder = configuration["DataFolder"];

        return new IdentitySettings(
            string.IsNullOrWhiteSpace(publicUrl) ? null : ParsePublicUrl(publicUrl),
            string.IsNullOrWhiteSpace(realmFile)
                ? Path.Combine(AppContext.BaseDirectory, "realm", "platform-realm.json")
                : Path.GetFullPath(realmFile),
            string.IsNullOrWhiteSpace(lifetime) ? null : ParseLifetime(lifetime),
            Path.Combine(Path.GetFullPath(string.IsNullOrWhiteSpace(dataFolder) ? ".data" : dataFolder), "identity"));
    }

    private static Uri ParsePublicUrl(string value)
    {
        if (!Uri.TryCreate(value.TrimEnd('/'), UriKind.Absolute, out var uri) || !string.IsNullOrEmpty(uri.Query))
        {
            throw new InvalidOperationException($"Identity:PublicUrl must be an absolute URL without a query, got '{value}'.");
        }
        return uri;
    }

    // Accepts "00:05:00" like every TimeSpan setting, and bare seconds like Keycloak's accessTokenLifespan.
    private static TimeSpan ParseLifetime(string value)
    {
        var lifetime = int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) ? TimeSpan.FromSeconds(seconds)
            : TimeSpan.TryParse(value, CultureInfo.InvariantCulture, out var span) ? span
            : TimeSpan.Zero;
        return lifetime > TimeSpan.Zero ? lifetime
            : throw new InvalidOperationException($"Identity:AccessTokenLifetime must be a positive TimeSpan or a number of seconds, got '{value}'.");
    }
}
