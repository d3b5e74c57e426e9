using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Logging;
using Platform.ServiceDefaults.Errors;

namespace Platform.Documents.Signing;

/// <summary>
/// The production certificates: the office seal and each leader's certificate as PKCS#12 files,
/// the trusted CAs as PEM, all mounted from a Kubernetes secret. Everything is checked when the
/// service starts, which fails with the list of problems rather than signing badly later. The files
/// are re-read every <see cref="CertificateFileOptions.ReloadInterval"/>: a rotated secret takes
/// effect without a restart, and a broken rotation is logged while the previous certificates stay in use.
/// </summary>
public sealed partial class CertificateFiles : ICertificateProvider
{
    private readonly CertificateFileOptions _options;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;
    private readonly Lock _lock = new();
    private Loaded _current;
    private byte[] _attemptedFingerprint;
    private DateTimeOffset _checkedAt;

    /// <exception cref="CertificateConfigurationException">A file is missing, unreadable or holds an unusable certificate.</exception>
    public CertificateFiles(CertificateFileOptions options, TimeProvider clock, ILogger<CertificateFiles> logger)
    {
        _options = options;
        _clock = clock;
        _logger = logger;
        var fingerprint = Fingerprint();
        _current = Load();
        _attemptedFingerprint = fingerprint;
        _checkedAt = clock.GetUtcNow();
    }

    public X509Certificate2 SignerCertificate(string username, string displayName)
    {
        var loaded = Current();
        if (!loaded.Signers.TryGetValue(username, out var certificate))
        {
            throw new DomainRuleException($"Người ký \"{username}\" chưa được cấp chứng thư số trên hệ thống (Certificates:Signers). Vui lòng báo quản trị hệ thống.",
                422, "no-signer-certificate");
        }
        return StillValid(certificate, username);
    }

    public X509Certificate2 SealCertificate() => StillValid(Current().Seal, "con dấu cơ quan");

    public X509Certificate2Collection TrustedRoots() => [.. Current().Roots];

    /// <summary>A certificate that expired while the service ran is not used: the signature would not verify.</summary>
    private X509Certificate2 StillValid(X509Certificate2 certificate, string whose)
    {
        if (_clock.GetUtcNow() > certificate.NotAfter.ToUniversalTime())
        {
            throw new DomainRuleException($"Chứng thư số của {whose} đã hết hạn ngày {certificate.NotAfter.ToUniversalTime():dd/MM/yyyy}; cần gia hạn trước khi ký.",
                422, "certificate-expired");
        }
        return certificate;
    }

    private Loaded Current()
    {
        lock (_lock)
        {
            var now = _clock.GetUtcNow();
            if (now - _checkedAt < _options.ReloadInterval) return _current;
            _checkedAt = now;
            var fingerprint = Fingerprint();
            if (fingerprint.AsSpan().SequenceEqual(_attemptedFingerprint)) return _current;
            _attemptedFingerprint = fingerprint;
            try
            {
                _current = Load();
                LogReloaded(_logger, _current.Seal.Thumbprint, _current.Signers.Count);
            }
            catch (CertificateConfigurationException exception)
            {
                LogReloadFailed(_logger, exception.Message);
            }
            return _current;
        }
    }

    private Loaded Load()
    {
        var problems = new List<string>();
        var now = _clock.GetUtcNow();
        var roots = new X509Certificate2Collection();
        if (_options.TrustedRoots.Length == 0) problems.Add("Certificates:TrustedRoots chưa được cấu hình (tệp PEM các chứng thư gốc tin cậy).");
        else
        {
            try
            {
                roots.ImportFromPemFile(_options.PathOf(_options.TrustedRoots));
                if (roots.Count == 0) problems.Add($"Certificates:TrustedRoots: tệp {_options.PathOf(_options.TrustedRoots)} không chứa chứng thư PEM nào.");
            }
            catch (Exception exception) when (exception is IOException or CryptographicException or UnauthorizedAccessException)
            {
                problems.Add($"Certificates:TrustedRoots: không đọc được tệp {_options.PathOf(_options.TrustedRoots)} ({exception.Message}).");
            }
        }
        var seal = Open("Certificates:Seal", _options.Seal, roots, now, problems);
        var signers = new Dictionary<string, X509Certificate2>(StringComparer.OrdinalIgnoreCase);
        foreach (var (username, file) in _options.Signers)
        {
            if (Open($"Certificates:Signers:{username}", file, roots, now, problems) is { } certificate) signers[username] = certificate;
        }
        if (problems.Count > 0) throw new CertificateConfigurationException(problems);
        return new Loaded(seal!, signers, roots);
    }

    private X509Certificate2? Open(string label, CertificateFile file, X509Certificate2Collection roots, DateTimeOffset now, List<string> problems)
    {
        if (file.Path.Length == 0)
        {
            problems.Add($"{label}:Path chưa được cấu hình.");
            return null;
        }
        var path = _options.PathOf(file.Path);
        // The loader reports a missing file as a decoding error; the operator needs to know which it is.
        if (!File.Exists(path))
        {
            problems.Add($"{label}: không tìm thấy tệp {path}.");
            return null;
        }
        X509Certificate2Collection contents;
        try
        {
            contents = X509CertificateLoader.LoadPkcs12CollectionFromFile(path, file.Password, X509KeyStorageFlags.EphemeralKeySet);
        }
        catch (Exception exception) when (exception is CryptographicException or IOException or UnauthorizedAccessException)
        {
            problems.Add($"{label}: không mở được tệp {path} (sai mật khẩu hoặc không phải PKCS#12).");
            return null;
        }
        // A PKCS#12 from a CA often carries the issuing chain too; the signing certificate is the one with the key.
        var certificate = contents.FirstOrDefault(c => c.HasPrivateKey)
            ?? contents.FirstOrDefault(c => !c.Extensions.OfType<X509BasicConstraintsExtension>().Any(b => b.CertificateAuthority));
        if (certificate is null)
        {
            problems.Add($"{label}: tệp {path} không chứa chứng thư nào.");
            return null;
        }
        var found = CertificateChecks.Problems(label, certificate, now, roots).ToList();
        problems.AddRange(found);
        return found.Count == 0 ? certificate : null;
    }

    /// <summary>
    /// A hash over every configured file's bytes: the cheap question "did the secret change?". An
    /// unreadable file counts as a change too; loading then says what is wrong with it.
    /// </summary>
    private byte[] Fingerprint()
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var paths = new[] { _options.TrustedRoots, _options.Seal.Path }
            .Concat(_options.Signers.OrderBy(s => s.Key, StringComparer.OrdinalIgnoreCase).Select(s => s.Value.Path));
        foreach (var path in paths)
        {
            if (path.Length == 0) continue;
            try
            {
                hash.AppendData(File.ReadAllBytes(_options.PathOf(path)));
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                hash.AppendData(System.Text.Encoding.UTF8.GetBytes("unreadable:" + path + ":" + exception.GetType().Name));
            }
        }
        return hash.GetHashAndReset();
    }

    private sealed record Loaded(X509Certificate2 Seal, Dictionary<string, X509Certificate2> Signers, X509Certificate2Collection Roots);

    [LoggerMessage(Level = LogLevel.Information, Message = "Signing certificates reloaded: seal {Thumbprint}, {Signers} signer(s)")]
    private static partial void LogReloaded(ILogger logger, string thumbprint, int signers);

    [LoggerMessage(Level = LogLevel.Error, Message = "Signing certificates changed but cannot be used; the previous ones stay in use: {Problems}")]
    private static partial void LogReloadFailed(ILogger logger, string problems);
}

/// <summary>The certificate files cannot be used; the message lists every problem, for the operator who reads the start-up log.</summary>
public sealed class CertificateConfigurationException(IReadOnlyList<string> problems)
    : Exception("Chứng thư số cho ký văn bản chưa dùng được:\n - " + string.Join("\n - ", problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
