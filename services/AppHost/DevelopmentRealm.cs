using System.Text.Json;

namespace Platform.AppHost;

/// <summary>
/// The development realm file (the one services/Identity serves in local runs). The portal signs
/// people in as the realm's confidential client `portal`, so it needs that client's secret;
/// reading it here keeps the file its only home.
/// </summary>
public static class DevelopmentRealm
{
    public static string FilePath(string repositoryRoot) => Path.Combine(repositoryRoot, "charts", "platform", "files", "realm", "platform-realm.json");

    public static string? ClientSecret(string realmFile, string clientId)
    {
        using var realm = JsonDocument.Parse(File.ReadAllText(realmFile));
        return realm.RootElement.GetProperty("clients").EnumerateArray()
            .Where(c => c.TryGetProperty("clientId", out var id) && id.GetString() == clientId)
            .Select(c => c.TryGetProperty("secret", out var secret) ? secret.GetString() : null)
            .FirstOrDefault();
    }
}
