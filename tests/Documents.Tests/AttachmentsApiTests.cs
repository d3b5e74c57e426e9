using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Documents.Persistence;
using Platform.TestSupport;

namespace Platform.Documents.Tests;

[TestFixtureSource(typeof(DatabaseKinds), nameof(DatabaseKinds.All))]
public sealed class AttachmentsApiTests(DatabaseKind database)
{
    private DocumentsFactory _factory = null!;
    private OutgoingDriver _flow = null!;

    [OneTimeSetUp]
    public void Start()
    {
        _factory = new DocumentsFactory(database);
        _flow = new OutgoingDriver(_factory);
    }

    [OneTimeTearDown]
    public void Stop()
    {
        _flow.Dispose();
        _factory.Dispose();
    }

    [Test]
    public async Task A_pdf_is_stored_under_its_hash_and_its_text_is_kept_for_search()
    {
        var draft = await _flow.CreateAsync();
        var pdf = TestFiles.Pdf("Ke hoach phong chong lut bao nam 2027");
        var attachment = await _flow.AttachAsync(draft.Id, pdf, "Kế hoạch.pdf");
        Assert.That(attachment.Sha256, Is.EqualTo(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(pdf))));
        Assert.That(attachment.HasText, Is.True);
        Assert.That(attachment.FileName, Is.EqualTo("Kế hoạch.pdf"));

        using var scope = _factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<DocumentsDbContext>();
        var text = await db.Attachments.Where(a => a.Id == attachment.Id).Select(a => a.ExtractedText).SingleAsync();
        Assert.That(text, Does.Contain("Ke hoach phong chong lut bao nam 2027"));

        var download = await _flow.Specialist.GetByteArrayAsync($"/api/documents/outgoing/{draft.Id}/attachments/{attachment.Id}");
        Assert.That(download, Is.EqualTo(pdf));
    }

    [TestCase("../../etc/passwd.pdf")]
    [TestCase("..\\boot.pdf")]
    [TestCase("/tmp/x.pdf")]
    [TestCase("a/b.pdf")]
    public async Task A_file_name_that_names_a_path_is_refused(string name)
    {
        var draft = await _flow.CreateAsync();
        var response = await _flow.Specialist.PostAsync($"/api/documents/outgoing/{draft.Id}/attachments", TestFiles.Form(TestFiles.Pdf("x"), name));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("Tên tệp không hợp lệ"));
    }

    [Test]
    public async Task Files_of_other_types_or_with_a_false_extension_are_refused()
    {
        var draft = await _flow.CreateAsync();
        var exe = await _flow.Specialist.PostAsync($"/api/documents/outgoing/{draft.Id}/attachments", TestFiles.Form("MZ..."u8.ToArray(), "setup.exe"));
        Assert.That(exe.StatusCode, Is.EqualTo(HttpStatusCode.UnsupportedMediaType));
        var disguised = await _flow.Specialist.PostAsync($"/api/documents/outgoing/{draft.Id}/attachments", TestFiles.Form("MZ..."u8.ToArray(), "vanban.pdf"));
        Assert.That(disguised.StatusCode, Is.EqualTo(HttpStatusCode.UnsupportedMediaType));
        Assert.That(await disguised.Content.ReadAsStringAsync(), Does.Contain("không đúng định dạng"));
    }

    [Test]
    public async Task A_file_over_the_configured_limit_is_refused()
    {
        using var small = _factory.WithWebHostBuilder(b => b.UseSetting("Documents:Attachments:MaxBytes", "2048"));
        using var specialist = small.CreateClient();
        TestUser.Specialist.SignIn(specialist);
        var draft = await _flow.CreateAsync();
        var big = TestFiles.Pdf(new string('x', 100)).Concat(new byte[4096]).ToArray();
        var response = await specialist.PostAsync($"/api/documents/outgoing/{draft.Id}/attachments", TestFiles.Form(big, "lon.pdf"));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("vượt quá dung lượng"));
    }

    [Test]
    public async Task Files_cannot_be_added_once_the_draft_is_submitted()
    {
        var draft = await _flow.CreateAsync();
        await _flow.StepAsync(_flow.Specialist, draft.Id, "submit");
        var response = await _flow.Specialist.PostAsync($"/api/documents/outgoing/{draft.Id}/attachments", TestFiles.Form(TestFiles.Pdf("x"), "late.pdf"));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
    }
}
