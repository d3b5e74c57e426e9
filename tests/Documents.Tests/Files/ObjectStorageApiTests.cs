using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Platform.TestSupport;

namespace Platform.Documents.Tests.Files;

/// <summary>The Documents service with <c>Files:Store=s3</c>: attachments travel to the bucket and back, and its failures reach callers as ProblemDetails.</summary>
public sealed class ObjectStorageApiTests
{
    private S3ProtocolServer _server = null!;
    private DocumentsFactory _service = null!;
    private WebApplicationFactory<Program> _factory = null!;
    private OutgoingDriver _flow = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        _server = await S3ProtocolServer.StartAsync();
        var options = _server.Options();
        _service = new DocumentsFactory(DatabaseKind.Sqlite);
        _factory = _service.WithWebHostBuilder(web =>
        {
            web.UseSetting("Files:Store", "s3");
            web.UseSetting("Files:S3:Endpoint", options.Endpoint!.ToString());
            web.UseSetting("Files:S3:Bucket", options.Bucket);
            web.UseSetting("Files:S3:Region", options.Region);
            web.UseSetting("Files:S3:AccessKey", options.AccessKey);
            web.UseSetting("Files:S3:SecretKey", options.SecretKey);
        });
        _flow = new OutgoingDriver(_factory);
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        _flow.Dispose();
        await _factory.DisposeAsync();
        await _service.DisposeAsync();
        await _server.DisposeAsync();
    }

    [Test]
    public async Task An_attachment_is_kept_in_the_bucket_and_an_outage_or_refusal_is_a_problem_not_a_missing_file()
    {
        var draft = await _flow.CreateAsync();
        var pdf = TestFiles.Pdf("Ke hoach phong chong thien tai nam 2027");
        var attachment = await _flow.AttachAsync(draft.Id, pdf, "Kế hoạch.pdf");
        Assert.That(_server.Objects.Keys, Does.Contain($"{S3ProtocolServer.Bucket}/{attachment.Sha256}"));
        var url = $"/api/documents/outgoing/{draft.Id}/attachments/{attachment.Id}";
        Assert.That(await _flow.Specialist.GetByteArrayAsync(url), Is.EqualTo(pdf));

        _server.Failure = (503, "SlowDown");
        var outage = await _flow.Specialist.GetAsync(url);
        Assert.That(outage.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        Assert.That(outage.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        Assert.That(await outage.Content.ReadAsStringAsync(), Does.Contain("file-store-unavailable"));

        _server.Failure = (403, "AccessDenied");
        var refused = await _flow.Specialist.GetAsync(url);
        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.BadGateway));
        Assert.That(await refused.Content.ReadAsStringAsync(), Does.Contain("file-store-refused"));

        _server.Failure = null;
        _server.Objects.Clear();
        Assert.That((await _flow.Specialist.GetAsync(url)).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }
}
