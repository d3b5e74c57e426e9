using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Platform.Identity.Realm;

/// <summary>
/// Keycloak's PBKDF2 password credentials (mật khẩu), verified and produced byte for byte as Keycloak does.
/// Keycloak's Pbkdf2Sha256PasswordHashProviderFactory asks for a 256-bit (32-byte) key; the 512-bit
/// DEFAULT_DERIVED_KEY_SIZE of Pbkdf2PasswordHashProvider is what the pbkdf2 (SHA-1) and pbkdf2-sha512
/// variants use. On verification Keycloak takes the key size from the stored hash's length, and so do we.
/// Since Keycloak 24 short passwords are not padded unless max-padding-length is set (FIPS mode);
/// we follow the default and never pad. Passwords are not NFC-normalised either: Keycloak hashes the
/// characters it receives, and a hash must verify identically on both.
/// </summary>
public static class PasswordHasher
{
    public const string Algorithm = "pbkdf2-sha256";
    public const int DefaultIterations = 27500;
    private const int SaltBytes = 16;
    private const int KeyBytes = 32;

    // Keycloak writes these JSON strings plainly ("+" rather than "\u002B"); they are never put into HTML.
    private static readonly JsonSerializerOptions Plain = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static RealmCredential Hash(string password, int iterations = DefaultIterations)
    {
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        var key = Derive(password, salt, iterations, HashAlgorithmName.SHA256, KeyBytes);
        return new RealmCredential
        {
            Type = "password",
            SecretData = JsonSerializer.Serialize(new SecretData(Convert.ToBase64String(key), Convert.ToBase64String(salt)), Plain),
            CredentialData = JsonSerializer.Serialize(new CredentialData(iterations, Algorithm), Plain),
            CreatedDate = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(),
        };
    }

    public static bool Verify(string password, RealmCredential credential)
    {
        if (!string.Equals(credential.Type, "password", StringComparison.Ordinal)) return false;
        if (credential.Value is { } plain)
        {
            // A plain value is what Keycloak accepts on import before hashing it; compare without leaking timing.
            return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(password), Encoding.UTF8.GetBytes(plain));
        }
        if (credential.SecretData is null || credential.CredentialData is null) return false;

        var secret = JsonSerializer.Deserialize<SecretData>(credential.SecretData);
        var data = JsonSerializer.Deserialize<CredentialData>(credential.CredentialData);
        if (secret?.Value is null || secret.Salt is null || data is null || data.HashIterations <= 0) return false;
        var prf = data.Algorithm switch
        {
            "pbkdf2" => HashAlgorithmName.SHA1,
            "pbkdf2-sha256" => HashAlgorithmName.SHA256,
            "pbkdf2-sha512" => HashAlgorithmName.SHA512,
            _ => (HashAlgorithmName?)null,
        };
        if (prf is null) return false;

        var expected = Convert.FromBase64String(secret.Value);
        var actual = Derive(password, Convert.FromBase64String(secret.Salt), data.HashIterations, prf.Value, expected.Length);
        return CryptographicOperations.FixedTimeEquals(expected, actual);
    }

    /// <summary>Spends the time of one verification, so an unknown username answers as slowly as a wrong password.</summary>
    public static void SpendVerificationTime(string password) =>
        Derive(password, new byte[SaltBytes], DefaultIterations, HashAlgorithmName.SHA256, KeyBytes);

    // Java's PBEKeySpec turns the password's chars into UTF-8 for PBKDF2WithHmacSHA*, so we hash the same bytes.
    private static byte[] Derive(string password, byte[] salt, int iterations, HashAlgorithmName prf, int length) =>
        Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, iterations, prf, length);

    private sealed record SecretData(
        [property: JsonPropertyName("value")] string? Value,
        [property: JsonPropertyName("salt")] string? Salt)
    {
        [JsonPropertyName("additionalParameters")]
        public Dictionary<string, string> AdditionalParameters { get; init; } = [];
    }

    private sealed record CredentialData(
        [property: JsonPropertyName("hashIterations")] int HashIterations,
        [property: JsonPropertyName("algorithm")] string? Algorithm)
    {
        [JsonPropertyName("additionalParameters")]
        public Dictionary<string, string> AdditionalParameters { get; init; } = [];
    }
}
