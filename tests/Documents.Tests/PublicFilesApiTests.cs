using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.TestSupport;

namespace Platform.Documents.Tests;

/// <summary>The anonymous files of issued public documents, which the portal offers for download.</summary>
public sealed class PublicFilesApiTests
{
    private DocumentsFactory _factory = null!;
    private OutgoingDriver _flow = null!;
    private HttpClient _anonymous = null!;

    [OneTimeSetUp]
    public void Start()
    {
        _factory = new DocumentsFactory(DatabaseKind.Sqlite);
        _flow = new OutgoingDriver(_factory);
        _anonymous = _factory.ClientFor(null);
    }

    [OneTimeTearDown]
    public void Stop()
    {
        _anonymous.Dispose();
        _flow.Dispose();
        _factory.Dispose();
    }

    [Test]
    public async Task An_issued_public_document_lists_and_serves_its_signed_file_to_anyone()
    {
        var pdf = TestFiles.Pdf("Quyet dinh cong khai");
        var issued = await _flow.IssuedAsync(OutgoingDriver.Draft(isPublic: true), pdf);

        var files = await _anonymous.GetFromJsonAsync<JsonElement>($"/api/documents/public/{issued.Id}/files");
        var file = files.EnumerateArray().Single();
        var bytes = await _anonymous.GetByteArrayAsync($"/api/documents/public/{issued.Id}/files/{file.GetProperty("id").GetGuid()}");

        Assert.Multiple(() =>
        {
            Assert.That(file.GetProperty("fileName").GetString(), Is.EqualTo("vanban.pdf"));
            Assert.That(file.GetProperty("isMain").GetBoolean(), Is.True);
            Assert.That(bytes, Is.EqualTo(pdf));
        });
    }

    [Test]
    public async Task Internal_unissued_and_recalled_documents_answer_not_found()
    {
        var internalDocument = await _flow.IssuedAsync(OutgoingDriver.Draft(isPublic: false));
        var signedOnly = await _flow.SignedAsync(OutgoingDriver.Draft(isPublic: true));
        var recalled = await _flow.IssuedAsync(OutgoingDriver.Draft(isPublic: true));
        await _flow.StepAsync(_flow.Leader, recalled.Id, "recall", new { reason = "Sai thẩm quyền ban hành" });

        foreach (var id in new[] { internalDocument.Id, signedOnly.Id, recalled.Id, Guid.NewGuid() })
        {
            using var list = await _anonymous.GetAsync($"/api/documents/public/{id}/files");
            Assert.That(list.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), id.ToString());
        }
        var attachment = internalDocument.Attachments.Single(a => a.IsMain).Id;
        using var download = await _anonymous.GetAsync($"/api/documents/public/{internalDocument.Id}/files/{attachment}");
        Assert.That(download.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }
}
