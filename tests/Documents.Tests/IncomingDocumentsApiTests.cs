using System.Net;
using System.Net.Http.Json;
using Platform.Contracts;
using Platform.Contracts.Events;
using Platform.Documents.Apis;
using Platform.TestSupport;

namespace Platform.Documents.Tests;

[TestFixtureSource(typeof(DatabaseKinds), nameof(DatabaseKinds.All))]
public sealed class IncomingDocumentsApiTests(DatabaseKind database)
{
    private DocumentsFactory _factory = null!;

    [OneTimeSetUp]
    public void Start() => _factory = new DocumentsFactory(database);

    [OneTimeTearDown]
    public void Stop() => _factory.Dispose();

    private static object NewDocument(string number, Secrecy secrecy = Secrecy.None, Urgency urgency = Urgency.Normal) => new
    {
        issuingBody = "Bộ Tài chính",
        numberAndCode = number,
        documentDate = "2026-11-20",
        documentType = "Công văn",
        subject = "Về việc hướng dẫn quyết toán ngân sách năm 2026",
        urgency = urgency.ToString(),
        secrecy = secrecy.ToString(),
        pageCount = 3,
        signer = "Nguyễn Văn A",
    };

    [Test]
    public async Task Incoming_documents_get_consecutive_arrival_numbers()
    {
        using var clerk = _factory.ClientFor(TestUser.Clerk);
        var responses = await Task.WhenAll(Enumerable.Range(1, 30).Select(i =>
            clerk.PostAsJsonAsync("/api/documents/incoming", NewDocument($"{i}/BTC-NSNN"))));
        Assert.That(responses.Select(r => r.StatusCode), Is.All.EqualTo(HttpStatusCode.Created));
        var numbers = new List<int>();
        foreach (var response in responses)
        {
            numbers.Add((await response.Content.ReadFromJsonAsync<IncomingDocumentView>())!.ArrivalNumber);
        }
        var first = numbers.Min();
        Assert.That(numbers.Order(), Is.EqualTo(Enumerable.Range(first, 30)), "no gap, no repeat");
    }

    [Test]
    public async Task Registering_publishes_document_registered_through_the_outbox()
    {
        using var capture = new EventCapture(_factory.Broker, Topics.DocumentRegistered);
        using var clerk = _factory.ClientFor(TestUser.Clerk);
        var response = await clerk.PostAsJsonAsync("/api/documents/incoming", NewDocument("77/BTC-HCSN", urgency: Urgency.Flash));
        var view = await response.Content.ReadFromJsonAsync<IncomingDocumentView>();
        var registered = await capture.NextAsync<DocumentRegistered>(e => e.DocumentId == view!.Id);
        Assert.Multiple(() =>
        {
            Assert.That(registered.DocumentId, Is.EqualTo(view!.Id));
            Assert.That(registered.ArrivalNumber, Is.EqualTo(view.ArrivalNumber));
            Assert.That(registered.Urgency, Is.EqualTo(Urgency.Flash));
            Assert.That(view.ArrivalTimeRecorded, Is.True);
        });
    }

    [Test]
    public async Task A_leaders_direction_publishes_document_assigned()
    {
        using var capture = new EventCapture(_factory.Broker, Topics.DocumentAssigned);
        using var clerk = _factory.ClientFor(TestUser.Clerk);
        var created = await (await clerk.PostAsJsonAsync("/api/documents/incoming", NewDocument("12/BTC-KB")))
            .Content.ReadFromJsonAsync<IncomingDocumentView>();
        using var leader = _factory.ClientFor(TestUser.Leader);
        var response = await leader.PostAsJsonAsync($"/api/documents/incoming/{created!.Id}/direction", new
        {
            direction = "Giao Sở Tài chính chủ trì, tham mưu UBND tỉnh",
            leadUnit = "STC",
            supportingUnits = new[] { "SKHĐT", "KBNN" },
            deadline = "2099-12-31",
        });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var assigned = await capture.NextAsync<DocumentAssigned>(e => e.DocumentId == created.Id);
        Assert.That(assigned.LeadUnit, Is.EqualTo("STC"));
        Assert.That(assigned.SupportingUnits, Is.EqualTo(new[] { "SKHĐT", "KBNN" }));

        var again = await leader.PostAsJsonAsync($"/api/documents/incoming/{created.Id}/direction", new { direction = "Giao lại", leadUnit = "SNV" });
        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(await again.Content.ReadAsStringAsync(), Does.Contain("đã có ý kiến chỉ đạo"));
    }

    [Test]
    public async Task A_secret_document_is_invisible_to_a_reader_without_clearance()
    {
        using var clerk = _factory.ClientFor(TestUser.Clerk);
        var secret = await (await clerk.PostAsJsonAsync("/api/documents/incoming", NewDocument("01/M-BCA", Secrecy.Confidential)))
            .Content.ReadFromJsonAsync<IncomingDocumentView>();
        using var uncleared = _factory.ClientFor(TestUser.Clerk with { Username = "vanthu2", Clearance = "none" });
        Assert.That((await uncleared.GetAsync($"/api/documents/incoming/{secret!.Id}")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        var list = await uncleared.GetFromJsonAsync<IncomingDocumentView[]>("/api/documents/incoming?pageSize=200");
        Assert.That(list!.Select(d => d.Id), Does.Not.Contain(secret.Id));
        Assert.That((await clerk.GetAsync($"/api/documents/incoming/{secret.Id}")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Callers_without_a_token_or_the_right_role_are_refused()
    {
        using var anonymous = _factory.ClientFor(null);
        Assert.That((await anonymous.GetAsync("/api/documents/incoming")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        using var editor = _factory.ClientFor(TestUser.PortalEditor);
        Assert.That((await editor.GetAsync("/api/documents/incoming")).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        using var specialist = _factory.ClientFor(TestUser.Specialist);
        Assert.That((await specialist.PostAsJsonAsync("/api/documents/incoming", NewDocument("9/X"))).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [Test]
    public async Task Bad_input_gets_a_problem_in_Vietnamese_and_stores_nothing()
    {
        using var clerk = _factory.ClientFor(TestUser.Clerk);
        var before = (await clerk.GetFromJsonAsync<IncomingDocumentView[]>("/api/documents/incoming?pageSize=200"))!.Length;

        var brokenJson = await clerk.PostAsync("/api/documents/incoming", new StringContent("{\"issuingBody\": ", System.Text.Encoding.UTF8, "application/json"));
        Assert.That(brokenJson.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(brokenJson.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        Assert.That(await brokenJson.Content.ReadAsStringAsync(), Does.Contain("JSON"));

        var wrongType = await clerk.PostAsJsonAsync("/api/documents/incoming", new { pageCount = "ba" });
        Assert.That(wrongType.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));

        var missing = await clerk.PostAsJsonAsync("/api/documents/incoming", new { subject = "Thiếu cơ quan ban hành" });
        Assert.That(missing.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await missing.Content.ReadAsStringAsync(), Does.Contain("Cơ quan ban hành là bắt buộc"));

        var after = (await clerk.GetFromJsonAsync<IncomingDocumentView[]>("/api/documents/incoming?pageSize=200"))!.Length;
        Assert.That(after, Is.EqualTo(before));
    }

    [Test]
    public async Task Decomposed_Vietnamese_text_is_stored_composed()
    {
        using var clerk = _factory.ClientFor(TestUser.Clerk);
        var decomposed = "Sở Tài chính".Normalize(System.Text.NormalizationForm.FormD);
        var request = new
        {
            issuingBody = decomposed, numberAndCode = "3/STC-NS", documentDate = "2026-11-01", documentType = "Công văn",
            subject = "Về ngân sách", urgency = "Normal", secrecy = "None", pageCount = 1,
        };
        var view = await (await clerk.PostAsJsonAsync("/api/documents/incoming", request)).Content.ReadFromJsonAsync<IncomingDocumentView>();
        Assert.That(view!.IssuingBody, Is.EqualTo("Sở Tài chính".Normalize(System.Text.NormalizationForm.FormC)));
    }

    [Test]
    public async Task One_incoming_document_shows_its_attachments_and_each_downloads_as_stored()
    {
        using var clerk = _factory.ClientFor(TestUser.Clerk);
        var created = await (await clerk.PostAsJsonAsync("/api/documents/incoming", NewDocument("88/BTC-TCDN")))
            .Content.ReadFromJsonAsync<IncomingDocumentView>();
        var pdf = TestFiles.Pdf("Cong van huong dan quyet toan");
        var attached = await clerk.PostAsync($"/api/documents/incoming/{created!.Id}/attachments", TestFiles.Form(pdf, "cong-van-88.pdf"));
        Assert.That(attached.StatusCode, Is.EqualTo(HttpStatusCode.Created), await attached.Content.ReadAsStringAsync());

        var view = await clerk.GetFromJsonAsync<IncomingDocumentView>($"/api/documents/incoming/{created.Id}");
        Assert.That(view!.Attachments, Is.Not.Null);
        var file = view.Attachments!.Single();
        Assert.Multiple(() =>
        {
            Assert.That(file.FileName, Is.EqualTo("cong-van-88.pdf"));
            Assert.That(file.Length, Is.EqualTo(pdf.Length));
        });
        var bytes = await clerk.GetByteArrayAsync($"/api/documents/incoming/{created.Id}/attachments/{file.Id}");
        Assert.That(bytes, Is.EqualTo(pdf));

        // Lists stay one query: no files there.
        var list = await clerk.GetFromJsonAsync<IncomingDocumentView[]>("/api/documents/incoming?pageSize=200");
        Assert.That(list!.Single(d => d.Id == created.Id).Attachments, Is.Null);
    }
}
