using System.Net;
using System.Net.Http.Json;
using Platform.Portal.Domain;

namespace Platform.Portal.PublicDocuments;

/// <summary>
/// What the Documents service says about one public document: its signed files and the check
/// of its digital signatures. Each call fails fast, since a page waits on it.
/// </summary>
public sealed class DocumentsPublicApi(HttpClient http, TimeProvider clock)
{
    public const string ClientName = "documents";

    private sealed record FileView(Guid Id, string FileName, string ContentType, long Length);
    private sealed record SignatureView(string Kind, string Subject, DateTime SignedAtUtc, bool Valid, string? Problem);
    private sealed record VerificationView(bool Valid, string Message, IReadOnlyList<SignatureView> Signatures);

    /// <summary>The files, or null when Documents does not know the document as public.</summary>
    public async Task<IReadOnlyList<PublicDocumentFile>?> FilesAsync(Guid documentId, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync($"api/documents/public/{documentId}/files", cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound) return null;
        response.EnsureSuccessStatusCode();
        var files = await response.Content.ReadFromJsonAsync<FileView[]>(cancellationToken) ?? [];
        return files.Select(f => new PublicDocumentFile { FileId = f.Id, FileName = f.FileName, ContentType = f.ContentType, Length = f.Length }).ToArray();
    }

    /// <summary>The signature check; the signer shown is the leader's (the first signature), the time that of the last.</summary>
    public async Task<SignatureCheck?> VerifyAsync(Guid documentId, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync($"api/documents/outgoing/{documentId}/verification", cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound) return null;
        response.EnsureSuccessStatusCode();
        var view = await response.Content.ReadFromJsonAsync<VerificationView>(cancellationToken)
            ?? throw new HttpRequestException("Documents answered an empty verification.");
        var first = view.Signatures.FirstOrDefault();
        return new SignatureCheck(view.Valid, view.Message, first is null ? null : CommonName(first.Subject),
            view.Signatures.LastOrDefault()?.SignedAtUtc, clock.GetUtcNow());
    }

    /// <summary>"CN=Nguyễn Văn B, OU=..., O=..." reads as "Nguyễn Văn B, Ủy ban nhân dân tỉnh" to a citizen.</summary>
    public static string CommonName(string subject)
    {
        var name = new System.Security.Cryptography.X509Certificates.X500DistinguishedName(subject);
        string? Part(string key) => name.EnumerateRelativeDistinguishedNames()
            .FirstOrDefault(r => r.GetSingleElementType().FriendlyName == key)?.GetSingleElementValue();
        try
        {
            var person = Part("CN");
            var organisation = Part("O");
            return person is null ? subject : organisation is null ? person : $"{person}, {organisation}";
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return subject;
        }
    }

    /// <summary>The file's response, streamed on to the citizen; null when it is not (or no longer) public.</summary>
    public async Task<HttpResponseMessage?> OpenFileAsync(Guid documentId, Guid fileId, CancellationToken cancellationToken)
    {
        var response = await http.GetAsync($"api/documents/public/{documentId}/files/{fileId}", HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (response.IsSuccessStatusCode) return response;
        var notFound = response.StatusCode == HttpStatusCode.NotFound;
        response.Dispose();
        return notFound ? null : throw new HttpRequestException($"Documents answered {(int)response.StatusCode}.");
    }
}
