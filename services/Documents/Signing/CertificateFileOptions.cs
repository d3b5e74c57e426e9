namespace Platform.Documents.Signing;

/// <summary>
/// Configuration section <c>Certificates</c>. <c>Source</c> is <c>development</c> (default: a local
/// CA in the data folder issues everything on first use) or <c>files</c> (the production certificates,
/// PKCS#12 files mounted from a Kubernetes secret).
/// </summary>
public sealed class CertificateFileOptions
{
    public const string Section = "Certificates";

    public string Source { get; set; } = "development";

    /// <summary>Where relative paths below are resolved: the secret's mount path.</summary>
    public string Folder { get; set; } = "";

    /// <summary>PEM file with the CA certificates signatures must chain to (the licensed CA and its root).</summary>
    public string TrustedRoots { get; set; } = "";

    /// <summary>The office's seal certificate (con dấu số của cơ quan).</summary>
    public CertificateFile Seal { get; set; } = new();

    /// <summary>
    /// Each leader's own certificate, by user name: signing picks the certificate of the person who
    /// signs, so a leader without one here cannot sign.
    /// </summary>
    public Dictionary<string, CertificateFile> Signers { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>How often the files are re-read to pick up a rotated secret.</summary>
    public TimeSpan ReloadInterval { get; set; } = TimeSpan.FromSeconds(30);

    public string PathOf(string path) => Path.IsPathRooted(path) || Folder.Length == 0 ? path : Path.Combine(Folder, path);
}

/// <summary>One PKCS#12 (.p12/.pfx) file and its password.</summary>
public sealed class CertificateFile
{
    public string Path { get; set; } = "";

    public string? Password { get; set; }
}
