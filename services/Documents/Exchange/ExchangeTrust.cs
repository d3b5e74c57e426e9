using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Options;
using Platform.Documents.Signing;

namespace Platform.Documents.Exchange;

/// <summary>
/// The CAs a received package's signatures must chain to: our own and the configured ones
/// (<see cref="ExchangeOptions.TrustedCertificates"/>). A bad entry stops the service at start-up.
/// </summary>
public sealed class ExchangeTrust(ICertificateProvider certificates, IOptions<ExchangeOptions> options)
{
    private readonly Lazy<X509Certificate2Collection> configured = new(() => Load(options.Value.TrustedCertificates));

    public X509Certificate2Collection Roots()
    {
        var roots = new X509Certificate2Collection(certificates.TrustedRoots());
        roots.AddRange(configured.Value);
        return roots;
    }

    /// <summary>Our CA in PEM, for partners to add to their trusted certificates.</summary>
    public string OwnRootPem() => string.Concat(certificates.TrustedRoots().Select(c => c.ExportCertificatePem() + "\n"));

    public static X509Certificate2Collection Load(IEnumerable<string> entries)
    {
        var collection = new X509Certificate2Collection();
        foreach (var entry in entries.Where(e => !string.IsNullOrWhiteSpace(e)))
        {
            try
            {
                if (entry.TrimStart().StartsWith("-----BEGIN", StringComparison.Ordinal)) collection.ImportFromPem(entry);
                else if (File.ReadAllText(entry).Contains("-----BEGIN", StringComparison.Ordinal)) collection.ImportFromPemFile(entry);
                else collection.Add(X509CertificateLoader.LoadCertificateFromFile(entry));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.Cryptography.CryptographicException)
            {
                throw new InvalidOperationException($"Cấu hình {ExchangeOptions.Section}:TrustedCertificates sai: không đọc được chứng thư \"{Shorten(entry)}\" ({e.Message}).", e);
            }
        }
        return collection;
    }

    private static string Shorten(string entry) => entry.Length > 60 ? entry[..60] + "..." : entry;
}
