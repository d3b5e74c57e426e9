using System.Net;
using System.Net.Http.Json;
using System.Text;
using Platform.Contracts;
using Platform.Contracts.Events;
using Platform.Gazette.Apis;
using Platform.ServiceDefaults.Signing;
using Platform.TestSupport;
using UglyToad.PdfPig;

namespace Platform.Gazette.Tests;

[TestFixtureSource(typeof(DatabaseKinds), nameof(DatabaseKinds.All))]
public sealed class GazetteIssueTests(DatabaseKind database)
{
    private GazetteFactory _factory = null!;
    private HttpClient _editor = null!;
    private HttpClient _public = null!;

    [OneTimeSetUp]
    public void Start()
    {
        _factory = new GazetteFactory(database);
        _editor = _factory.ClientFor(TestUser.GazetteEditor);
        _public = _factory.ClientFor(null);
    }

    [OneTimeTearDown]
    public void Stop()
    {
        _public.Dispose();
        _editor.Dispose();
        _factory.Dispose();
    }

    private async Task<IssueView> DraftAsync(ComposeIssueRequest request)
    {
        var response = await _editor.PostAsJsonAsync("/api/gazette/issues", request);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<IssueView>())!;
    }

    private async Task<IssueView> PublishAsync(Guid issueId)
    {
        var response = await _editor.PostAsync($"/api/gazette/issues/{issueId}/publish", null);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<IssueView>())!;
    }

    private async Task<IssueView> PublishedWithAsync(params string[] subjects)
    {
        var ids = new List<Guid>();
        foreach (var subject in subjects) ids.Add((await ManualIntake.ReceiveAsync(_editor, ManualIntake.UniqueCode(), subject, text: "Điều 1. " + subject)).Id);
        return await PublishAsync((await DraftAsync(new ComposeIssueRequest(ids))).Id);
    }

    [Test]
    public async Task Publishing_numbers_the_issue_renders_its_pdf_and_tells_the_portal()
    {
        using var portal = new EventCapture(_factory.Broker, Topics.GazetteIssuePublished);
        var entry = await ManualIntake.ReceiveAsync(_editor, ManualIntake.UniqueCode(), "Quy định về đấu giá quyền sử dụng đất",
            text: "Điều 1. Phạm vi điều chỉnh: đấu giá quyền sử dụng đất để giao đất có thu tiền sử dụng đất.");
        var draft = await DraftAsync(new ComposeIssueRequest([entry.Id]));
        Assert.That(draft.Label, Is.EqualTo("Dự thảo"));

        var issue = await PublishAsync(draft.Id);
        var announced = await portal.NextAsync<GazetteIssuePublished>(e => e.IssueId == issue.Id);
        var pdf = await _public.GetByteArrayAsync(issue.PdfUrl);

        using var document = PdfDocument.Open(pdf);
        var text = Flatten(string.Join(" ", document.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text)))));
        Assert.Multiple(() =>
        {
            Assert.That(issue.Numbers, Has.Count.EqualTo(1));
            Assert.That(issue.Label, Is.EqualTo($"Số {issue.Numbers[0]}"));
            Assert.That(issue.PublishedDate, Is.EqualTo(ManualIntake.Today()));
            Assert.That(announced.Numbers, Is.EqualTo(issue.Numbers));
            Assert.That(announced.PdfUrl, Is.EqualTo(issue.PdfUrl));
            Assert.That(text, Does.Contain(issue.Label));
            Assert.That(text, Does.Contain("Quy định về đấu giá quyền sử dụng đất"));
            Assert.That(text, Does.Contain(Flatten("Điều 1. Phạm vi điều chỉnh: đấu giá quyền sử dụng đất để giao đất có thu tiền sử dụng đất.")));
        });
        TestContext.Out.WriteLine($"issue PDF: {pdf.Length} bytes");
    }

    private static string Flatten(string text) => string.Join(' ', text.Normalize(NormalizationForm.FormC).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    [Test]
    public async Task A_combined_issue_takes_two_consecutive_numbers()
    {
        var entry = await ManualIntake.ReceiveAsync(_editor, ManualIntake.UniqueCode(), "Số ghép");
        var issue = await PublishAsync((await DraftAsync(new ComposeIssueRequest([entry.Id], Combined: true))).Id);
        var next = await PublishedWithAsync("Số sau số ghép");

        Assert.That(issue.Numbers, Has.Count.EqualTo(2));
        Assert.That(issue.Numbers[1], Is.EqualTo(issue.Numbers[0] + 1));
        Assert.That(issue.Label, Is.EqualTo($"Số {issue.Numbers[0]} + {issue.Numbers[1]}"));
        Assert.That(next.Numbers[0], Is.GreaterThan(issue.Numbers[1]));
    }

    [Test]
    public async Task Issues_published_at_the_same_time_never_share_a_number()
    {
        var drafts = new List<IssueView>();
        for (var i = 0; i < 8; i++)
        {
            var entry = await ManualIntake.ReceiveAsync(_editor, ManualIntake.UniqueCode(), $"Đồng thời {i}");
            drafts.Add(await DraftAsync(new ComposeIssueRequest([entry.Id], Combined: i % 3 == 0)));
        }

        var published = await Task.WhenAll(drafts.Select(async d =>
        {
            using var client = _factory.ClientFor(TestUser.GazetteEditor);
            var response = await client.PostAsync($"/api/gazette/issues/{d.Id}/publish", null);
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
            return (await response.Content.ReadFromJsonAsync<IssueView>())!;
        }));

        var numbers = published.SelectMany(p => p.Numbers).Order().ToList();
        Assert.That(numbers, Is.Unique);
        Assert.That(numbers, Is.EqualTo(Enumerable.Range(numbers[0], numbers.Count)), "no gaps within the batch");
        Assert.That(published.Where(p => p.Numbers.Count == 2).All(p => p.Numbers[1] == p.Numbers[0] + 1), Is.True);
    }

    [Test]
    public async Task The_same_draft_published_twice_at_once_is_published_once()
    {
        var entry = await ManualIntake.ReceiveAsync(_editor, ManualIntake.UniqueCode(), "Bấm phát hành hai lần");
        var draft = await DraftAsync(new ComposeIssueRequest([entry.Id]));

        var responses = await Task.WhenAll(Enumerable.Range(0, 2).Select(async _ =>
        {
            using var client = _factory.ClientFor(TestUser.GazetteEditor);
            return (await client.PostAsync($"/api/gazette/issues/{draft.Id}/publish", null)).StatusCode;
        }));

        Assert.That(responses.Count(s => s == HttpStatusCode.OK), Is.EqualTo(1));
        Assert.That(responses.Count(s => s == HttpStatusCode.Conflict), Is.EqualTo(1));
    }

    [Test]
    public async Task A_published_issue_cannot_be_changed_and_a_correction_is_a_new_issue_that_names_it()
    {
        var issue = await PublishedWithAsync("Văn bản cần đính chính");
        var other = await ManualIntake.ReceiveAsync(_editor, ManualIntake.UniqueCode(), "Văn bản khác");

        var change = await _editor.PutAsJsonAsync($"/api/gazette/issues/{issue.Id}", new ComposeIssueRequest([other.Id]));
        var delete = await _editor.DeleteAsync($"/api/gazette/issues/{issue.Id}");
        var republish = await _editor.PostAsync($"/api/gazette/issues/{issue.Id}/publish", null);
        Assert.That(change.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(delete.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(republish.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));

        var correction = await PublishAsync((await DraftAsync(new ComposeIssueRequest([], CorrectsIssueId: issue.Id,
            CorrectionNote: $"Tại trang 2 {issue.Label}, dòng 3: \"năm 2025\" sửa thành \"năm 2026\"."))).Id);
        var pdf = await _public.GetByteArrayAsync(correction.PdfUrl);
        using var document = PdfDocument.Open(pdf);
        var cover = string.Join(" ", document.GetPage(1).GetWords().Select(w => w.Text));

        Assert.That(correction.CorrectsIssueId, Is.EqualTo(issue.Id));
        Assert.That(correction.Numbers[0], Is.GreaterThan(issue.Numbers[^1]));
        Assert.That(cover, Does.Contain($"ĐÍNH CHÍNH {issue.Label.ToUpperInvariant()}"));
        Assert.That(cover, Does.Contain("sửa thành"));
    }

    [Test]
    public async Task A_published_document_cannot_go_into_another_issue()
    {
        var issue = await PublishedWithAsync("Đã đăng một lần");

        var again = await _editor.PostAsJsonAsync("/api/gazette/issues", new ComposeIssueRequest([issue.EntryIds[0]]));

        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
    }

    [Test]
    public async Task A_returned_document_cannot_be_published()
    {
        var entry = await ManualIntake.ReceiveAsync(_editor, ManualIntake.UniqueCode(), "Văn bản có lỗi");
        await _editor.PostAsJsonAsync($"/api/gazette/register/{entry.Id}/return", new ReturnRequest("Thiếu chữ ký"));

        var response = await _editor.PostAsJsonAsync("/api/gazette/issues", new ComposeIssueRequest([entry.Id]));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
    }

    [Test]
    public async Task Anyone_can_download_an_issue_with_its_signature_and_verify_it_and_tampering_shows()
    {
        var issue = await PublishedWithAsync("Quy định về bảo vệ môi trường");
        var pdf = await _public.GetByteArrayAsync(issue.PdfUrl);
        var signature = await _public.GetByteArrayAsync(issue.SignatureUrl);

        var stored = await _public.GetFromJsonAsync<SignatureCheck>($"/api/gazette/public/issues/{issue.Id}/verification");
        var asDownloaded = await VerifyAsync(pdf, signature);
        var tampered = (byte[])pdf.Clone();
        tampered[tampered.Length / 2] ^= 0x20;
        var afterTampering = await VerifyAsync(tampered, signature);

        Assert.Multiple(() =>
        {
            Assert.That(stored!.Valid, Is.True, stored.Message);
            Assert.That(asDownloaded.Valid, Is.True, asDownloaded.Message);
            Assert.That(afterTampering.Valid, Is.False);
        });
    }

    private async Task<SignatureCheck> VerifyAsync(byte[] pdf, byte[] signature)
    {
        var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(pdf), "pdf", "cong-bao.pdf" },
            { new ByteArrayContent(signature), "signature", "cong-bao.pdf.p7s" },
        };
        var response = await _public.PostAsync("/api/gazette/public/verification", form);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<SignatureCheck>())!;
    }

    [Test]
    public async Task The_public_finds_published_documents_by_code_subject_without_diacritics_type_body_year_and_dates()
    {
        var code = ManualIntake.UniqueCode();
        var entry = await ManualIntake.ReceiveAsync(_editor, code, "Quy định giá đất ở nông thôn", issuingBody: "Hội đồng nhân dân tỉnh");
        var issue = await PublishAsync((await DraftAsync(new ComposeIssueRequest([entry.Id]))).Id);
        var today = ManualIntake.Today();

        async Task<PublishedDocumentView[]> Search(string query) =>
            (await _public.GetFromJsonAsync<PublishedDocumentView[]>("/api/gazette/public/documents?" + query))!;

        Assert.Multiple(async () =>
        {
            Assert.That((await Search("code=" + Uri.EscapeDataString(code))).Select(d => d.EntryId), Does.Contain(entry.Id));
            Assert.That((await Search("subject=gia%20dat%20o%20nong%20thon")).Select(d => d.EntryId), Does.Contain(entry.Id));
            Assert.That((await Search("q=" + Uri.EscapeDataString("giá đất ở nông thôn"))).Select(d => d.EntryId), Does.Contain(entry.Id));
            Assert.That((await Search("type=nghi%20quyet&issuingBody=hoi%20dong%20nhan%20dan")).Select(d => d.EntryId), Does.Contain(entry.Id));
            Assert.That((await Search($"year={today.Year}&from={today:yyyy-MM-dd}&to={today:yyyy-MM-dd}&subject=gia%20dat")).Select(d => d.EntryId), Does.Contain(entry.Id));
            Assert.That((await Search($"year={today.Year - 1}&subject=gia%20dat")).Select(d => d.EntryId), Does.Not.Contain(entry.Id));
            Assert.That((await Search("subject=khong%20co%20van%20ban%20nay")), Is.Empty);
            var issues = await _public.GetFromJsonAsync<IssueView[]>($"/api/gazette/public/issues?year={today.Year}&number={issue.Numbers[0]}");
            Assert.That(issues!.Select(i => i.Id), Is.EqualTo(new[] { issue.Id }));
        });
    }

    [Test]
    public async Task The_spelling_as_typed_ranks_above_a_match_without_diacritics()
    {
        var marker = Guid.NewGuid().ToString("N")[..8];
        await PublishedWithAsync($"Quy định mức thu {marker}", $"Quy định mức thú {marker}");

        var found = (await _public.GetFromJsonAsync<PublishedDocumentView[]>("/api/gazette/public/documents?q=" + Uri.EscapeDataString($"mức thú {marker}")))!;

        Assert.That(found.Select(d => d.Subject), Is.EqualTo(new[] { $"Quy định mức thú {marker}", $"Quy định mức thu {marker}" }));
    }

    [Test]
    public async Task Each_published_document_downloads_as_its_own_signed_pdf()
    {
        var issue = await PublishedWithAsync("Quy định thứ nhất", "Quy định thứ hai");
        var documents = (await _public.GetFromJsonAsync<PublishedDocumentView[]>($"/api/gazette/public/documents?year={issue.Year}"))!
            .Where(d => d.IssueId == issue.Id).ToList();
        var second = documents.Single(d => d.Subject == "Quy định thứ hai");

        var pdf = await _public.GetByteArrayAsync(second.PdfUrl);
        var check = await VerifyAsync(pdf, await _public.GetByteArrayAsync(second.SignatureUrl));
        using var document = PdfDocument.Open(pdf);
        var text = string.Join(" ", document.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));

        Assert.That(documents, Has.Count.EqualTo(2));
        Assert.That(check.Valid, Is.True, check.Message);
        Assert.That(text, Does.Contain("Điều 1. Quy định thứ hai"));
        Assert.That(text, Does.Not.Contain("Điều 1. Quy định thứ nhất"));
    }

    [Test]
    public async Task Drafts_are_not_public()
    {
        var entry = await ManualIntake.ReceiveAsync(_editor, ManualIntake.UniqueCode(), "Bản nháp chưa công bố");
        var draft = await DraftAsync(new ComposeIssueRequest([entry.Id]));

        Assert.That((await _public.GetAsync($"/api/gazette/public/issues/{draft.Id}/pdf")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That((await _public.GetFromJsonAsync<PublishedDocumentView[]>("/api/gazette/public/documents?subject=ban%20nhap%20chua"))!, Is.Empty);
        Assert.That((await _public.GetAsync("/api/gazette/issues")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }
}
