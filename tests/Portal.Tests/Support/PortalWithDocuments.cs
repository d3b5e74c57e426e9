extern alias documents;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Platform.Portal.PublicDocuments;
using Platform.TestSupport;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace Platform.Portal.Tests.Support;

/// <summary>
/// The real Documents service and the Portal, each on its own loopback ports, sharing one
/// in-memory broker: documents issued through Documents' API reach the portal as events,
/// and the portal asks Documents over gRPC (an HTTP/2-only port, as in production) and HTTP.
/// </summary>
public sealed class PortalWithDocuments : IDisposable
{
    /// <summary>The portal's service account, as Documents sees it in tests (header sign-in instead of a token).</summary>
    public static readonly TestUser PortalService = new("service-account-portal-backend", "", "none", Platform.ServiceDefaults.Auth.Roles.Service);

    private readonly ServiceFactory<documents::Program> _documents;
    private readonly WebApplicationFactory<Program> _portal;
    private readonly PortalFactory _portalBase;

    /// <param name="recheckInterval">Portal:SignatureRecheckInterval; zero (default) asks Documents on every view.</param>
    public PortalWithDocuments(DatabaseKind database = DatabaseKind.Sqlite, TimeSpan recheckInterval = default)
    {
        var documentsHttp = FreePorts.Next();
        var documentsGrpc = FreePorts.Next();
        var portalPort = FreePorts.Next();
        _documents = new ServiceFactory<documents::Program>(database, "documents");
        _documents.UseKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, documentsHttp);
            kestrel.Listen(IPAddress.Loopback, documentsGrpc, listen => listen.Protocols = HttpProtocols.Http2);
        });
        _documents.StartServer();
        DocumentsAddress = new Uri($"http://127.0.0.1:{documentsHttp}/");

        _portalBase = new PortalFactory(database);
        _portal = _portalBase.WithWebHostBuilder(web => web
            .UseSetting("Services:documents", DocumentsAddress.ToString())
            .UseSetting("Grpc:documents", $"http://127.0.0.1:{documentsGrpc}/")
            .UseSetting("Portal:SignatureRecheckInterval", recheckInterval.ToString())
            .ConfigureServices(services =>
            {
                services.AddSingleton(_documents.Broker);
                services.AddSingleton<IServiceCallCredentials>(new HeaderCredentials(PortalService));
            }));
        _portal.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, portalPort));
        _portal.StartServer();
        BaseAddress = new Uri($"http://127.0.0.1:{portalPort}");
    }

    public Uri BaseAddress { get; }
    public Uri DocumentsAddress { get; }
    public bool DocumentsRunning { get; private set; } = true;

    public HttpClient Visitor() => new() { BaseAddress = BaseAddress };

    public HttpClient Documents(TestUser user)
    {
        var client = new HttpClient { BaseAddress = DocumentsAddress };
        user.SignIn(client);
        return client;
    }

    /// <summary>Drafts, signs and issues an outgoing document with a PDF through Documents' API; returns its id.</summary>
    public async Task<Guid> IssueAsync(string documentType, string subject, bool isPublic = true, string secrecy = "None", bool isLegalNormative = false)
    {
        // People cleared for the document's secrecy, as those handling a secret document are.
        var clearance = secrecy == "None" ? null : "top-secret";
        using var specialist = Documents(TestUser.Specialist with { Clearance = clearance ?? TestUser.Specialist.Clearance });
        using var leader = Documents(TestUser.Leader);
        using var clerk = Documents(TestUser.Clerk with { Clearance = clearance ?? TestUser.Clerk.Clearance });
        var created = await specialist.PostAsJsonAsync("api/documents/outgoing", new
        {
            documentType, subject, urgency = "Normal", secrecy, recipients = new[] { "Các sở, ban, ngành tỉnh" }, copyCount = 2,
            isPublic, isLegalNormative,
        });
        var id = (await Ok(created)).GetProperty("id").GetGuid();
        var file = new ByteArrayContent(Pdf(subject));
        file.Headers.ContentType = new("application/pdf");
        await Ok(await specialist.PostAsync($"api/documents/outgoing/{id}/attachments",
            new MultipartFormDataContent { { file, "file", "van-ban.pdf" }, { new StringContent("true"), "main" } }));
        await Ok(await specialist.PostAsJsonAsync($"api/documents/outgoing/{id}/submit", new { }));
        await Ok(await leader.PostAsJsonAsync($"api/documents/outgoing/{id}/review", new { }));
        await Ok(await leader.PostAsJsonAsync($"api/documents/outgoing/{id}/approve", new { }));
        await Ok(await leader.PostAsJsonAsync($"api/documents/outgoing/{id}/sign", new { signerName = "Nguyễn Văn B", signerPosition = "KT. CHỦ TỊCH - PHÓ CHỦ TỊCH" }));
        await Ok(await clerk.PostAsJsonAsync($"api/documents/outgoing/{id}/issue", new { }));
        return id;
    }

    /// <summary>Stops the Documents service as an outage would: its ports stop answering.</summary>
    public void StopDocuments()
    {
        if (!DocumentsRunning) return;
        _documents.Dispose();
        DocumentsRunning = false;
    }

    public void Dispose()
    {
        _portal.Dispose();
        _portalBase.Dispose();
        StopDocuments();
    }

    private static async Task<JsonElement> Ok(HttpResponseMessage response)
    {
        using (response)
        {
            var body = await response.Content.ReadAsStringAsync();
            if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {body}");
            return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
        }
    }

    /// <summary>A one-page PDF with a text layer, like a scanned-and-OCRed signed decision.</summary>
    private static byte[] Pdf(string text)
    {
        var builder = new PdfDocumentBuilder();
        var page = builder.AddPage(PageSize.A4);
        page.AddText(Platform.Portal.Domain.SearchText.Fold(text), 12, new PdfPoint(40, 760), builder.AddStandard14Font(Standard14Font.Helvetica));
        return builder.Build();
    }

    private sealed class HeaderCredentials(TestUser user) : IServiceCallCredentials
    {
        public Task ApplyAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.Remove(TestUser.Header);
            request.Headers.Add(TestUser.Header, user.Encode());
            return Task.CompletedTask;
        }
    }
}
