using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace Platform.Identity.Server;

/// <summary>
/// The realm's RSA keys, made once and kept as PEM files in {DataFolder}/identity, so that tokens issued
/// before a restart still validate after it. No certificate store is involved.
/// </summary>
public sealed class SigningKeyStore(IdentitySettings settings)
{
    private readonly Lazy<RsaSecurityKey> signing = new(() => LoadOrCreate(Path.Combine(settings.StateFolder, "signing-key.pem")));
    private readonly Lazy<RsaSecurityKey> encryption = new(() => LoadOrCreate(Path.Combine(settings.StateFolder, "encryption-key.pem")));

    public SigningCredentials Signing => new(signing.Value, SecurityAlgorithms.RsaSha256);

    public EncryptingCredentials Encryption =>
        new(encryption.Value, SecurityAlgorithms.RsaOAEP, SecurityAlgorithms.Aes256CbcHmacSha512);

    private static RsaSecurityKey LoadOrCreate(string path)
    {
        if (!File.Exists(path)) TryCreate(path);
        var rsa = RSA.Create();
        rsa.ImportFromPem(File.ReadAllText(path));
        var key = new RsaSecurityKey(rsa);
        // A thumbprint-based kid stays the same across restarts, so cached JWKS keep matching.
        key.KeyId = Base64UrlEncoder.Encode(key.ComputeJwkThumbprint());
        return key;
    }

    private static void TryCreate(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var rsa = RSA.Create(2048);
        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        File.WriteAllText(temporary, rsa.ExportPkcs8PrivateKeyPem());
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        try
        {
            // Two processes starting on the same data folder: the first key written wins, the other is dropped.
            File.Move(temporary, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temporary);
        }
    }
}
