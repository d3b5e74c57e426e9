using System.Net;
using System.Net.Http.Json;
using Platform.Contracts;
using Platform.Contracts.Events;
using Platform.Gazette.Apis;
using Platform.Gazette.Domain;
using Platform.TestSupport;

namespace Platform.Gazette.Tests;

[TestFixtureSource(typeof(DatabaseKinds), nameof(DatabaseKinds.All))]
public sealed class GazetteIntakeTests(DatabaseKind database)
{
    private GazetteFactory _factory = null!;
    private HttpClient _editor = null!;

    [OneTimeSetUp]
    public void Start()
    {
        _factory = new GazetteFactory(database);
        _editor = _factory.ClientFor(TestUser.GazetteEditor);
    }

    [OneTimeTearDown]
    public void Stop()
    {
        _editor.Dispose();
        _factory.Dispose();
    }

    [Test]
    public async Task A_document_sent_in_by_hand_is_registered_with_its_original_and_deadlines()
    {
        var today = ManualIntake.Today();
        var entry = await ManualIntake.ReceiveAsync(_editor, ManualIntake.UniqueCode(), "Quy định mức hỗ trợ học phí");

        var original = await _editor.GetAsync($"/api/gazette/register/{entry.Id}/original");

        Assert.Multiple(async () =>
        {
            Assert.That(entry.Source, Is.EqualTo(EntrySource.Manual));
            Assert.That(entry.ReceivedDate, Is.EqualTo(today));
            Assert.That(entry.IssuingBody, Is.EqualTo("Hội đồng nhân dân tỉnh"));
            Assert.That(entry.PublishBy, Is.GreaterThanOrEqualTo(today.AddDays(9)), "7 working days are at least 9 calendar days");
            Assert.That(entry.SentLate, Is.False);
            Assert.That(original.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(await original.Content.ReadAsByteArrayAsync(), Is.EqualTo("%PDF-1.7 bản gốc đã ký"u8.ToArray()));
        });
    }

    [TestCase("Confidential")]
    [TestCase("Secret")]
    [TestCase("TopSecret")]
    public async Task A_secret_document_sent_in_by_hand_is_refused(string secrecy)
    {
        var code = ManualIntake.UniqueCode();
        var response = await _editor.PostAsync("/api/gazette/register", ManualIntake.Form(code, "Văn bản mật", ManualIntake.Today(), secrecy));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        var register = await _editor.GetFromJsonAsync<GazetteEntry[]>("/api/gazette/register");
        Assert.That(register!.Select(e => e.NumberAndCode), Does.Not.Contain(code));
    }

    [Test]
    public async Task Only_the_gazette_editor_or_an_administrator_receives_documents_by_hand()
    {
        using var clerk = _factory.ClientFor(TestUser.Clerk);
        var response = await clerk.PostAsync("/api/gazette/register", ManualIntake.Form(ManualIntake.UniqueCode(), "Thử", ManualIntake.Today()));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [Test]
    public async Task A_document_received_late_is_marked_and_an_overdue_one_is_listed_and_announced()
    {
        using var capture = new EventCapture(_factory.Broker, Topics.GazetteDeadlineApproaching);
        var received = ManualIntake.Today().AddDays(-20);
        var entry = await ManualIntake.ReceiveAsync(_editor, ManualIntake.UniqueCode(), "Quy định quản lý chợ", received);

        var deadlines = await Eventually.UntilAsync(
            async () => (await _editor.GetFromJsonAsync<DeadlineView[]>("/api/gazette/deadlines"))!,
            list => list.Any(d => d.EntryId == entry.Id), what: "listed as overdue");
        var announced = await capture.NextAsync<GazetteDeadlineApproaching>(e => e.EntryId == entry.Id);

        Assert.Multiple(() =>
        {
            Assert.That(deadlines.Single(d => d.EntryId == entry.Id).State, Is.EqualTo(DeadlineState.Overdue));
            Assert.That(announced.Overdue, Is.True);
            Assert.That(announced.PublishBy, Is.EqualTo(entry.PublishBy));
            Assert.That(announced.WorkingDaysLeft, Is.Negative);
        });
    }

    [Test]
    public async Task A_document_on_time_is_not_in_the_deadline_list()
    {
        var entry = await ManualIntake.ReceiveAsync(_editor, ManualIntake.UniqueCode(), "Quy định đúng hạn");
        var deadlines = await _editor.GetFromJsonAsync<DeadlineView[]>("/api/gazette/deadlines");
        Assert.That(deadlines!.Select(d => d.EntryId), Does.Not.Contain(entry.Id));
    }

    [Test]
    public async Task A_returned_document_is_replaced_by_its_corrected_original_and_the_history_keeps_both()
    {
        using var issuer = new EventCapture(_factory.Broker, Topics.GazetteDocumentReturned);
        var entry = await ManualIntake.ReceiveAsync(_editor, ManualIntake.UniqueCode(), "Quy định phí", text: "Điều 1. Mức phí 10.000 đồng/lượt.");

        var returned = await _editor.PostAsJsonAsync($"/api/gazette/register/{entry.Id}/return", new ReturnRequest("Sai mức phí tại Điều 1"));
        Assert.That((await returned.Content.ReadFromJsonAsync<GazetteEntry>())!.Status, Is.EqualTo(EntryStatus.Returned));
        var told = await issuer.NextAsync<GazetteDocumentReturned>(e => e.EntryId == entry.Id);
        Assert.That(told.Error, Is.EqualTo("Sai mức phí tại Điều 1"));

        var corrected = new MultipartFormDataContent
        {
            { new StringContent("Điều 1. Mức phí 20.000 đồng/lượt."), "text" },
            { new StringContent("Bản gốc đã sửa theo công văn số 12/VP"), "note" },
            { new ByteArrayContent("%PDF-1.7 bản gốc đã sửa"u8.ToArray()), "original", "ban-goc-da-sua.pdf" },
        };
        var replaced = await _editor.PostAsync($"/api/gazette/register/{entry.Id}/original", corrected);
        Assert.That(replaced.StatusCode, Is.EqualTo(HttpStatusCode.OK));

        var detail = (await _editor.GetFromJsonAsync<EntryDetail>($"/api/gazette/register/{entry.Id}"))!;
        Assert.Multiple(() =>
        {
            Assert.That(detail.Entry.Status, Is.EqualTo(EntryStatus.Received));
            Assert.That(detail.Entry.Version, Is.EqualTo(2));
            Assert.That(detail.Entry.Text, Is.EqualTo("Điều 1. Mức phí 20.000 đồng/lượt."));
            Assert.That(detail.Entry.OriginalFileName, Is.EqualTo("ban-goc-da-sua.pdf"));
            Assert.That(detail.History.Select(h => h.Action), Is.EqualTo(new[] { EntryAction.Received, EntryAction.Returned, EntryAction.Replaced }));
            Assert.That(detail.History[1].Note, Is.EqualTo("Sai mức phí tại Điều 1"));
            Assert.That(detail.History[2].Text, Is.EqualTo("Điều 1. Mức phí 10.000 đồng/lượt."), "the first original's text is kept");
            Assert.That(detail.History[2].FileId, Is.EqualTo(entry.OriginalFileId), "and so is its file");
        });
    }

    [Test]
    public async Task The_text_of_a_signed_pdf_sent_without_text_is_read_from_the_pdf()
    {
        var signedPdf = Publishing.IssuePdfRenderer.Render(new Publishing.IssueContent("Hội đồng nhân dân tỉnh", "Số 1", ManualIntake.Today(), null, null,
            [new("07/2026/NQ-HĐND", "Nghị quyết", "Quy định mức chi", "Hội đồng nhân dân tỉnh", ManualIntake.Today(), "Điều 1. Mức chi tiếp khách là 300.000 đồng/người.")]));
        var response = await _editor.PostAsync("/api/gazette/register",
            ManualIntake.Form(ManualIntake.UniqueCode(), "Quy định mức chi", ManualIntake.Today(), text: null, original: signedPdf));

        var entry = (await response.Content.ReadFromJsonAsync<GazetteEntry>())!;

        Assert.That(entry.Text, Does.Contain("Điều 1. Mức chi tiếp khách là 300.000 đồng/người."));
    }

    [Test]
    public async Task A_document_that_was_not_returned_keeps_its_original()
    {
        var entry = await ManualIntake.ReceiveAsync(_editor, ManualIntake.UniqueCode(), "Quy định không đổi");
        var response = await _editor.PostAsync($"/api/gazette/register/{entry.Id}/original",
            new MultipartFormDataContent { { new StringContent("Nội dung khác"), "text" } });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
    }

    [Test]
    public async Task A_document_announced_by_the_platform_gets_its_text_later_and_its_issuing_body_from_its_code()
    {
        var issued = new DocumentIssued(Guid.NewGuid(), ManualIntake.UniqueCode("QĐ-UBND"), "Quyết định", "Ban hành quy chế", "Nguyễn Văn A", "Chủ tịch",
            ManualIntake.Today(), Secrecy.None, true, true, [], DateTimeOffset.UtcNow);
        await _factory.Broker.PublishAsync(issued);
        var entry = (await Eventually.UntilAsync(async () => (await _editor.GetFromJsonAsync<GazetteEntry[]>("/api/gazette/register"))!,
            list => list.Any(e => e.DocumentId == issued.DocumentId))).Single(e => e.DocumentId == issued.DocumentId);

        var attached = await _editor.PostAsync($"/api/gazette/register/{entry.Id}/original",
            new MultipartFormDataContent { { new StringContent("Điều 1. Ban hành kèm theo Quyết định này Quy chế làm việc."), "text" } });

        Assert.That(entry.IssuingBody, Is.EqualTo("Ủy ban nhân dân tỉnh"));
        Assert.That(entry.Text, Is.Null);
        Assert.That((await attached.Content.ReadFromJsonAsync<GazetteEntry>())!.Text, Does.StartWith("Điều 1."));
    }
}
