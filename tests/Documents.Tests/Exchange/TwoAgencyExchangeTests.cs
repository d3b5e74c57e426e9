using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Documents.Exchange;
using Platform.Documents.Apis;
using Platform.TestSupport;

namespace Platform.Documents.Tests.Exchange;

/// <summary>
/// Two organisations, each running the Documents service with its own database (the province's office on
/// PostgreSQL, the finance department on SQLite), certificates and agency directory, exchanging documents
/// over HTTP as two deployments would.
/// </summary>
[NonParallelizable]
public sealed class TwoAgencyExchangeTests
{
    private const string OfficeCode = "000.00.01.H56";
    private const string FinanceCode = "000.00.03.H56";
    private const string SharedKey = "khoa-ket-noi-vp-stc-2026";

    private AgencyHost _office = null!;
    private AgencyHost _finance = null!;

    [OneTimeSetUp]
    public void Start()
    {
        _office = new AgencyHost(DatabaseKind.Postgres, OfficeCode, "Văn phòng Ủy ban nhân dân tỉnh");
        _finance = new AgencyHost(DatabaseKind.Sqlite, FinanceCode, "Sở Tài chính");
        _office.Knows(0, OfficeCode, "Văn phòng Ủy ban nhân dân tỉnh", null, null);
        _office.Knows(1, FinanceCode, "Sở Tài chính", _finance.Endpoint, SharedKey, _finance.RootPem);
        _finance.Knows(0, FinanceCode, "Sở Tài chính", null, null);
        _finance.Knows(1, OfficeCode, "Văn phòng Ủy ban nhân dân tỉnh", _office.Endpoint, SharedKey, _office.RootPem);
        _office.Start();
        _finance.Start();
    }

    [OneTimeTearDown]
    public void Stop()
    {
        _office.Dispose();
        _finance.Dispose();
    }

    [SetUp]
    public void BothRunning()
    {
        if (!_finance.Running) _finance.Start();
    }

    private static object DraftTo(string recipient, string subject) => new
    {
        documentType = "Công văn",
        subject,
        urgency = "Urgent",
        secrecy = "None",
        recipients = new[] { recipient, "Lưu: VT" },
        copyCount = 2,
    };

    private static async Task<RecipientView> RecipientAsync(HttpClient client, Guid documentId, string code) =>
        (await client.GetFromJsonAsync<RecipientView[]>($"/api/documents/outgoing/{documentId}/recipients"))!.Single(r => r.AgencyCode == code);

    private static Task<RecipientView> StatusAsync(HttpClient client, Guid documentId, string code, string status) =>
        Eventually.Returns(() => RecipientAsync(client, documentId, code), r => r.Status == status, $"recipient {code} {status}");

    private static Task<RecipientView> RecallAsync(HttpClient client, Guid documentId, string code, string recall) =>
        Eventually.Returns(() => RecipientAsync(client, documentId, code), r => r.Recall == recall, $"recall {recall} from {code}");

    private static Task<ReceivedPackageView> ReceivedAsync(HttpClient clerk, string numberAndCode, string kind = "New") =>
        Eventually.Returns(async () => (await clerk.GetFromJsonAsync<ReceivedPackageView[]>("/api/documents/exchange/received"))!
                .FirstOrDefault(p => p.NumberAndCode == numberAndCode && p.Kind == kind)!,
            p => p is not null, $"package {numberAndCode} ({kind}) received");

    private static async Task<T> OkAsync<T>(Task<HttpResponseMessage> call)
    {
        using var response = await call;
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<T>())!;
    }

    private async Task<(OutgoingDocumentView Sent, ReceivedPackageView Received)> SendToFinanceAsync(string subject)
    {
        using var office = _office.Driver();
        var sent = await office.IssuedAsync(DraftTo("Sở Tài chính", subject));
        using var clerk = _finance.Client(TestUser.Clerk);
        var received = await ReceivedAsync(clerk, sent.NumberAndCode!);
        await StatusAsync(office.Clerk, sent.Id, FinanceCode, "Arrived");
        return (sent, received);
    }

    /// <summary>
    /// Sent to the finance department and registered there by its clerk (03), once the 03 is back at the office:
    /// it changes the document a recall or update request changes too, and a request meeting it gets a 409.
    /// </summary>
    private async Task<(OutgoingDocumentView Sent, ReceivedPackageView Registered)> RegisteredAtFinanceAsync(string subject)
    {
        var (sent, received) = await SendToFinanceAsync(subject);
        using var clerk = _finance.Client(TestUser.Clerk);
        var registered = await OkAsync<ReceivedPackageView>(clerk.PostAsJsonAsync($"/api/documents/exchange/received/{received.Id}/accept", new { }));
        using var office = _office.Client(TestUser.Clerk);
        await StatusAsync(office, sent.Id, FinanceCode, "Accepted");
        return (sent, registered);
    }

    [Test]
    public async Task A_document_reaches_the_other_agency_and_every_handling_status_comes_back()
    {
        var (sent, received) = await SendToFinanceAsync("Về việc thẩm định dự toán kinh phí chuyển đổi số năm 2027");
        using var office = _office.Client(TestUser.Clerk);
        using var clerk = _finance.Client(TestUser.Clerk);
        using var leader = _finance.Client(TestUser.Leader);
        Assert.Multiple(() =>
        {
            Assert.That(received.SenderCode, Is.EqualTo(OfficeCode));
            Assert.That(received.Subject, Is.EqualTo("Về việc thẩm định dự toán kinh phí chuyển đổi số năm 2027"));
            Assert.That(received.StateCode, Is.EqualTo("01"));
            Assert.That(received.AwaitsRegistration, Is.True);
        });

        var registered = await OkAsync<ReceivedPackageView>(clerk.PostAsJsonAsync($"/api/documents/exchange/received/{received.Id}/accept", new { }));
        var incoming = (await clerk.GetFromJsonAsync<IncomingDocumentView>($"/api/documents/incoming/{registered.IncomingDocumentId}"))!;
        Assert.Multiple(() =>
        {
            Assert.That(incoming.NumberAndCode, Is.EqualTo(sent.NumberAndCode));
            Assert.That(incoming.IssuingBody, Is.EqualTo("Văn phòng Ủy ban nhân dân tỉnh"));
            Assert.That(incoming.Urgency.ToString(), Is.EqualTo("Urgent"));
            Assert.That(incoming.Signer, Is.EqualTo("Nguyễn Văn B"));
        });
        var files = await clerk.GetFromJsonAsync<JsonElement>($"/api/documents/incoming/{incoming.Id}/audit");
        Assert.That(files.GetArrayLength(), Is.GreaterThan(0));
        await StatusAsync(office, sent.Id, FinanceCode, "Accepted");

        await OkAsync<IncomingDocumentView>(leader.PostAsJsonAsync($"/api/documents/incoming/{incoming.Id}/direction",
            new { direction = "Phòng Ngân sách chủ trì thẩm định", leadUnit = "NS", supportingUnits = new[] { "TH" } }));
        await StatusAsync(office, sent.Id, FinanceCode, "Assigned");

        await OkAsync<IncomingDocumentView>(clerk.PostAsJsonAsync($"/api/documents/incoming/{incoming.Id}/progress",
            new { progress = "Đang thẩm định hồ sơ dự toán", done = false }));
        await StatusAsync(office, sent.Id, FinanceCode, "InProgress");

        await OkAsync<IncomingDocumentView>(clerk.PostAsJsonAsync($"/api/documents/incoming/{incoming.Id}/progress",
            new { progress = "Đã có văn bản thẩm định", replyNumberAndCode = "88/STC-NS", done = true }));
        var done = await StatusAsync(office, sent.Id, FinanceCode, "Done");
        Assert.That(done.StatusLabel, Is.EqualTo("Hoàn thành"));
    }

    [Test]
    public async Task The_other_way_a_refusal_returns_with_its_reason()
    {
        using var finance = _finance.Driver();
        var sent = await finance.IssuedAsync(DraftTo("000.00.01.H56", "Về việc báo cáo tình hình giải ngân vốn đầu tư công"));
        using var officeClerk = _office.Client(TestUser.Clerk);
        var received = await ReceivedAsync(officeClerk, sent.NumberAndCode!);
        await StatusAsync(finance.Clerk, sent.Id, OfficeCode, "Arrived");

        var refused = await OkAsync<ReceivedPackageView>(officeClerk.PostAsJsonAsync($"/api/documents/exchange/received/{received.Id}/refuse",
            new { reason = "Văn bản gửi nhầm nơi nhận; đề nghị gửi Sở Kế hoạch và Đầu tư" }));
        Assert.That(refused.StateCode, Is.EqualTo("02"));
        var back = await StatusAsync(finance.Clerk, sent.Id, OfficeCode, "Refused");
        Assert.That(back.Reason, Is.EqualTo("Văn bản gửi nhầm nơi nhận; đề nghị gửi Sở Kế hoạch và Đầu tư"));
    }

    [Test]
    public async Task A_registered_document_returned_by_the_receiver_goes_back_as_02_with_its_reason()
    {
        var (sent, registered) = await RegisteredAtFinanceAsync("Về việc đề nghị bổ sung kinh phí hoạt động năm 2026");
        using var clerk = _finance.Client(TestUser.Clerk);
        using var office = _office.Client(TestUser.Clerk);
        var returned = await OkAsync<IncomingDocumentView>(clerk.PostAsJsonAsync($"/api/documents/incoming/{registered.IncomingDocumentId}/return",
            new { reason = "Văn bản thiếu chữ ký số của người có thẩm quyền" }));
        Assert.That(returned.Status, Is.EqualTo("Returned"));

        var back = await StatusAsync(office, sent.Id, FinanceCode, "Refused");
        Assert.That(back.Reason, Is.EqualTo("Văn bản thiếu chữ ký số của người có thẩm quyền"));
        var package = (await clerk.GetFromJsonAsync<ReceivedPackageView>($"/api/documents/exchange/received/{registered.Id}"))!;
        Assert.That((package.StateCode, package.Reason), Is.EqualTo(("02", (string?)"Văn bản thiếu chữ ký số của người có thẩm quyền")));
    }

    [Test]
    public async Task An_accepted_recall_cancels_the_document_on_the_receiving_side()
    {
        var (sent, registered) = await RegisteredAtFinanceAsync("Về việc tổ chức hội nghị tổng kết năm 2026");
        using var clerk = _finance.Client(TestUser.Clerk);
        using var office = _office.Driver();
        await StatusAsync(office.Clerk, sent.Id, FinanceCode, "Accepted");

        await office.StepAsync(office.Clerk, sent.Id, "recall", new { reason = "Ghi sai thời gian tổ chức hội nghị" });
        var request = await ReceivedAsync(clerk, sent.NumberAndCode!, "Recall");
        Assert.Multiple(() =>
        {
            Assert.That(request.StateCode, Is.EqualTo("13"));
            Assert.That(request.SenderReason, Is.EqualTo("Ghi sai thời gian tổ chức hội nghị"));
        });
        await RecallAsync(office.Clerk, sent.Id, FinanceCode, "Requested");

        await OkAsync<ReceivedPackageView>(clerk.PostAsJsonAsync($"/api/documents/exchange/received/{request.Id}/accept", new { }));
        var cancelled = (await clerk.GetFromJsonAsync<IncomingDocumentView>($"/api/documents/incoming/{registered.IncomingDocumentId}"))!;
        Assert.That(cancelled.Status, Is.EqualTo("Cancelled"));
        Assert.That(cancelled.ReturnReason, Does.Contain("Ghi sai thời gian tổ chức hội nghị"));
        var recalled = await RecallAsync(office.Clerk, sent.Id, FinanceCode, "Accepted");
        Assert.That(recalled.Status, Is.EqualTo("Accepted"));
        var found = await Eventually.Returns(() => SearchHitAsync(clerk, "tổng kết năm 2026", cancelled.Id), h => h?.Status == "Cancelled",
            "the cancelled document marked in the receiver's search");
        Assert.That(found!.Direction, Is.EqualTo("incoming"));
    }

    private static async Task<SearchHitView?> SearchHitAsync(HttpClient client, string words, Guid id) =>
        (await client.GetFromJsonAsync<SearchResponse>($"/api/documents/search?q={Uri.EscapeDataString(words)}"))!.Hits.FirstOrDefault(h => h.Id == id);

    [Test]
    public async Task A_refused_recall_keeps_the_document_and_its_reason_goes_back()
    {
        var (sent, registered) = await RegisteredAtFinanceAsync("Về việc cung cấp số liệu thu ngân sách quý IV");
        using var clerk = _finance.Client(TestUser.Clerk);
        using var office = _office.Driver();
        await office.StepAsync(office.Clerk, sent.Id, "recall", new { reason = "Đề nghị thu hồi để bổ sung phụ lục" });
        var request = await ReceivedAsync(clerk, sent.NumberAndCode!, "Recall");

        await OkAsync<ReceivedPackageView>(clerk.PostAsJsonAsync($"/api/documents/exchange/received/{request.Id}/refuse",
            new { reason = "Văn bản đã được giao xử lý và đã có kết quả" }));
        var kept = (await clerk.GetFromJsonAsync<IncomingDocumentView>($"/api/documents/incoming/{registered.IncomingDocumentId}"))!;
        Assert.That(kept.Status, Is.EqualTo("Registered"));
        var refused = await RecallAsync(office.Clerk, sent.Id, FinanceCode, "Refused");
        Assert.That(refused.Reason, Is.EqualTo("Văn bản đã được giao xử lý và đã có kết quả"));
        var original = (await clerk.GetFromJsonAsync<ReceivedPackageView>($"/api/documents/exchange/received/{registered.Id}"))!;
        Assert.That(original.StateCode, Is.EqualTo("03"), "the received document resumes where it was");
    }

    [Test]
    public async Task A_receiver_that_is_down_gets_the_document_when_it_comes_back()
    {
        _finance.Stop();
        using var office = _office.Driver();
        var sent = await office.IssuedAsync(DraftTo("Sở Tài chính", "Về việc rà soát tài sản công năm 2026"));
        var failed = await Eventually.Returns(() => RecipientAsync(office.Clerk, sent.Id, FinanceCode),
            r => r.Status == "Failed" && r.Attempts >= 2, "two failed attempts");
        Assert.Multiple(() =>
        {
            Assert.That(failed.LastError, Is.Not.Null.And.Not.Empty);
            Assert.That(failed.NextAttemptUtc, Is.Not.Null);
        });

        _finance.Start();
        await StatusAsync(office.Clerk, sent.Id, FinanceCode, "Arrived");
        using var clerk = _finance.Client(TestUser.Clerk);
        var received = await ReceivedAsync(clerk, sent.NumberAndCode!);
        Assert.That(received.Subject, Is.EqualTo("Về việc rà soát tài sản công năm 2026"));
    }

    [Test]
    public async Task A_secret_document_is_issued_but_never_sent_over_the_exchange()
    {
        var cleared = TestUser.Specialist with { Clearance = "confidential" };
        using var office = _office.Driver(cleared);
        var secret = await office.IssuedAsync(new
        {
            documentType = "Công văn",
            subject = "Về việc bảo đảm an ninh hội nghị",
            urgency = "Normal",
            secrecy = "Confidential",
            recipients = new[] { "Sở Tài chính" },
            copyCount = 1,
        });
        Assert.That(await office.Clerk.GetFromJsonAsync<RecipientView[]>($"/api/documents/outgoing/{secret.Id}/recipients"), Is.Empty);

        using var response = await office.Clerk.PostAsJsonAsync($"/api/documents/outgoing/{secret.Id}/recipients", new { agencies = new[] { FinanceCode } });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(problem.GetProperty("code").GetString(), Is.EqualTo("secret-not-exchanged"));
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("Văn bản mật không được gửi"));
    }

    /// <summary>The package of an issued document for the finance department, as the office would post it.</summary>
    private async Task<(OutgoingDocumentView Document, XDocument Package)> ExportedPackageAsync(string subject)
    {
        using var office = _office.Driver();
        var document = await office.IssuedAsync(DraftTo("Lưu: VT", subject));
        using var response = await office.Clerk.GetAsync($"/api/documents/exchange/outgoing/{document.Id}/package/{FinanceCode}");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        return (document, XDocument.Parse(await response.Content.ReadAsStringAsync()));
    }

    private async Task<HttpResponseMessage> PostAsOfficeAsync(XDocument package, string key = SharedKey)
    {
        var body = Encoding.UTF8.GetBytes(package.ToString(SaveOptions.DisableFormatting));
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/xml");
        foreach (var (name, value) in ExchangeCallerSignature.Headers(OfficeCode, key, body, DateTimeOffset.UtcNow)) content.Headers.Add(name, value);
        using var http = new HttpClient();
        return await http.PostAsync(_finance.Endpoint, content);
    }

    private static XElement FirstAttachmentValue(XDocument package) =>
        package.Descendants(EdXml.Ns + "AttachmentEncoded").Elements(EdXml.Ns + "Attachment").First().Element(EdXml.Ns + "Value")!;

    [Test]
    public async Task A_tampered_attachment_is_refused_with_its_reason_and_nothing_is_stored()
    {
        var (document, package) = await ExportedPackageAsync("Về việc phân bổ vốn sự nghiệp năm 2027");
        var value = FirstAttachmentValue(package);
        var bytes = Convert.FromBase64String(value.Value);
        bytes[^1] ^= 0x20;
        value.Value = Convert.ToBase64String(bytes);

        using var response = await PostAsOfficeAsync(package);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(problem.GetProperty("code").GetString(), Is.EqualTo("invalid-edxml"));
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("không khớp mã băm SHA-256"));
        using var clerk = _finance.Client(TestUser.Clerk);
        var received = await clerk.GetFromJsonAsync<ReceivedPackageView[]>("/api/documents/exchange/received");
        Assert.That(received!.Select(p => p.NumberAndCode), Has.No.Member(document.NumberAndCode));
    }

    [Test]
    public async Task A_file_changed_along_with_its_hash_still_fails_the_signature_check()
    {
        var (_, package) = await ExportedPackageAsync("Về việc điều chỉnh dự toán chi thường xuyên");
        var value = FirstAttachmentValue(package);
        var bytes = Convert.FromBase64String(value.Value);
        bytes[^1] ^= 0x20;
        value.Value = Convert.ToBase64String(bytes);
        package.Descendants(EdXml.Ns + "Reference").First().Element(EdXml.Ns + "Sha256")!.Value =
            Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));

        using var response = await PostAsOfficeAsync(package);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(),
            Does.Contain("tệp đã bị thay đổi sau khi ký"));
    }

    [Test]
    public async Task A_call_not_signed_with_the_shared_key_is_refused_before_the_package_is_read()
    {
        var (_, package) = await ExportedPackageAsync("Về việc quyết toán ngân sách năm 2025");
        using var wrongKey = await PostAsOfficeAsync(package, "khoa-sai");
        Assert.That(wrongKey.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That((await wrongKey.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(),
            Does.Contain("Chữ ký xác thực của cơ quan 000.00.01.H56 không đúng"));

        using var http = new HttpClient();
        using var anonymous = await http.PostAsync(_finance.Endpoint, new StringContent(package.ToString(), Encoding.UTF8, "application/xml"));
        Assert.That(anonymous.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task A_package_posted_twice_is_stored_once_and_answered_01_both_times()
    {
        var (document, package) = await ExportedPackageAsync("Về việc kiểm tra công tác quản lý giá");
        foreach (var _ in Enumerable.Range(0, 2))
        {
            using var response = await PostAsOfficeAsync(package);
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
            Assert.That((await response.Content.ReadFromJsonAsync<FeedbackAnswer>())!.Status, Is.EqualTo("01"));
        }
        using var clerk = _finance.Client(TestUser.Clerk);
        var received = await clerk.GetFromJsonAsync<ReceivedPackageView[]>("/api/documents/exchange/received");
        Assert.That(received!.Count(p => p.NumberAndCode == document.NumberAndCode), Is.EqualTo(1));
    }

    [Test]
    public async Task A_retry_of_one_message_rebuilds_the_same_package_so_the_receiver_knows_it_as_a_redelivery()
    {
        var (document, _) = await ExportedPackageAsync("Về việc rà soát định mức chi hội nghị");
        using var scope = _office.Services.CreateScope();
        var packages = scope.ServiceProvider.GetRequiredService<ExchangePackages>();
        var db = scope.ServiceProvider.GetRequiredService<Platform.Documents.Persistence.DocumentsDbContext>();
        var outgoing = await db.OutgoingDocuments.AsNoTracking().SingleAsync(d => d.Id == document.Id);
        var requestedAt = new DateTimeOffset(2026, 11, 23, 8, 30, 0, TimeSpan.Zero);
        var first = await packages.BuildAsync(outgoing, FinanceCode, BusinessKind.New, null, CancellationToken.None, requestedAt);
        var retry = await packages.BuildAsync(outgoing, FinanceCode, BusinessKind.New, null, CancellationToken.None, requestedAt);
        Assert.That(retry.ToString(SaveOptions.DisableFormatting), Is.EqualTo(first.ToString(SaveOptions.DisableFormatting)));
        var later = await packages.BuildAsync(outgoing, FinanceCode, BusinessKind.New, null, CancellationToken.None, requestedAt.AddMinutes(5));
        Assert.That(later.ToString(SaveOptions.DisableFormatting), Is.Not.EqualTo(first.ToString(SaveOptions.DisableFormatting)),
            "another request of the same document is another package");
    }

    [Test]
    public async Task An_update_accepted_by_the_receiver_replaces_the_registered_document_with_the_new_one()
    {
        var (sent, registered) = await RegisteredAtFinanceAsync("Về việc lấy ý kiến dự thảo quy định phân cấp nguồn thu");
        using var clerk = _finance.Client(TestUser.Clerk);
        using var office = _office.Client(TestUser.Clerk);
        var asked = await OkAsync<RecipientView[]>(office.PostAsJsonAsync($"/api/documents/outgoing/{sent.Id}/exchange-request",
            new { kind = "Update", reason = "Bổ sung phụ lục biểu mẫu số liệu" }));
        Assert.That(asked.Single().Recall, Is.EqualTo("Requested"));

        var update = await ReceivedAsync(clerk, sent.NumberAndCode!, "Update");
        Assert.That(update.StateCode, Is.EqualTo("13"));
        var accepted = await OkAsync<ReceivedPackageView>(clerk.PostAsJsonAsync($"/api/documents/exchange/received/{update.Id}/accept", new { }));
        Assert.That(accepted.AwaitsRegistration, Is.True, "the update carries the new text, to be registered");
        await RecallAsync(office, sent.Id, FinanceCode, "Accepted");
        var old = (await clerk.GetFromJsonAsync<IncomingDocumentView>($"/api/documents/incoming/{registered.IncomingDocumentId}"))!;
        Assert.That(old.Status, Is.EqualTo("Cancelled"));

        var again = await OkAsync<ReceivedPackageView>(clerk.PostAsJsonAsync($"/api/documents/exchange/received/{update.Id}/accept",
            new { confirmDuplicate = true }));
        Assert.That(again.IncomingDocumentId, Is.Not.Null.And.Not.EqualTo(registered.IncomingDocumentId));
    }

    [Test]
    public async Task A_second_update_of_the_same_document_is_stored_and_its_content_wins()
    {
        var (sent, registered) = await RegisteredAtFinanceAsync("Về việc hướng dẫn lập dự toán ngân sách năm 2027");
        using var clerk = _finance.Client(TestUser.Clerk);
        using var office = _office.Client(TestUser.Clerk);
        await OkAsync<RecipientView[]>(office.PostAsJsonAsync($"/api/documents/outgoing/{sent.Id}/exchange-request",
            new { kind = "Update", reason = "Sửa biểu mẫu số 01" }));
        var first = await ReceivedAsync(clerk, sent.NumberAndCode!, "Update");
        await OkAsync<ReceivedPackageView>(clerk.PostAsJsonAsync($"/api/documents/exchange/received/{first.Id}/refuse",
            new { reason = "Biểu mẫu số 01 còn thiếu cột số liệu năm trước" }));
        await RecallAsync(office, sent.Id, FinanceCode, "Refused");

        // The sender answers the refusal with a second update of the same document: a new package, not a redelivery.
        await OkAsync<RecipientView[]>(office.PostAsJsonAsync($"/api/documents/outgoing/{sent.Id}/exchange-request",
            new { kind = "Update", reason = "Sửa biểu mẫu số 01, bổ sung cột số liệu năm trước" }));
        var second = await Eventually.Returns(async () => (await clerk.GetFromJsonAsync<ReceivedPackageView[]>("/api/documents/exchange/received"))!
                .FirstOrDefault(p => p.NumberAndCode == sent.NumberAndCode && p.Kind == "Update" && p.Id != first.Id)!,
            p => p is not null, "second update received");
        Assert.Multiple(() =>
        {
            Assert.That(second.StateCode, Is.EqualTo("13"));
            Assert.That(second.SenderReason, Is.EqualTo("Sửa biểu mẫu số 01, bổ sung cột số liệu năm trước"));
        });
        var accepted = await OkAsync<ReceivedPackageView>(clerk.PostAsJsonAsync($"/api/documents/exchange/received/{second.Id}/accept", new { }));
        Assert.That(accepted.AwaitsRegistration, Is.True);
        await RecallAsync(office, sent.Id, FinanceCode, "Accepted");
        var old = (await clerk.GetFromJsonAsync<IncomingDocumentView>($"/api/documents/incoming/{registered.IncomingDocumentId}"))!;
        Assert.That(old.ReturnReason, Does.Contain("bổ sung cột số liệu năm trước"), "the second update's reason, not the first's");
        var firstAfter = (await clerk.GetFromJsonAsync<ReceivedPackageView>($"/api/documents/exchange/received/{first.Id}"))!;
        Assert.That(firstAfter.StateCode, Is.EqualTo("16"), "the refused first update stays refused");
    }

    [Test]
    public async Task Deliveries_waiting_in_the_sender_survive_its_restart()
    {
        _finance.Stop();
        Guid id;
        string numberAndCode;
        using (var office = _office.Driver())
        {
            var sent = await office.IssuedAsync(DraftTo("Sở Tài chính", "Về việc kiểm kê tài sản cuối năm"));
            (id, numberAndCode) = (sent.Id, sent.NumberAndCode!);
            await Eventually.Returns(() => RecipientAsync(office.Clerk, id, FinanceCode), r => r.Status == "Failed", "a failed attempt");
        }
        _office.Stop();
        _finance.Start();
        _office.Start();
        using var clerk = _office.Client(TestUser.Clerk);
        await StatusAsync(clerk, id, FinanceCode, "Arrived");
        using var financeClerk = _finance.Client(TestUser.Clerk);
        Assert.That((await ReceivedAsync(financeClerk, numberAndCode)).Subject, Is.EqualTo("Về việc kiểm kê tài sản cuối năm"));
    }

    [Test]
    public async Task A_replacing_document_reaches_the_agencies_holding_the_replaced_one_as_a_replacement()
    {
        var (replaced, registered) = await RegisteredAtFinanceAsync("Về việc ban hành danh mục dự án kêu gọi đầu tư");
        using var clerk = _finance.Client(TestUser.Clerk);
        using var office = _office.Driver();
        await StatusAsync(office.Clerk, replaced.Id, FinanceCode, "Accepted");

        // Named only "Lưu: VT": the finance department gets it because it holds the replaced document.
        var draft = new
        {
            documentType = "Công văn",
            subject = "Về việc ban hành danh mục dự án kêu gọi đầu tư (thay thế)",
            urgency = "Normal",
            secrecy = "None",
            recipients = new[] { "Lưu: VT" },
            copyCount = 1,
            replacesId = replaced.Id,
        };
        var replacement = await office.IssuedAsync(draft);
        var request = await ReceivedAsync(clerk, replacement.NumberAndCode!, "Replace");
        Assert.That(request.StateCode, Is.EqualTo("13"));
        await RecallAsync(office.Clerk, replaced.Id, FinanceCode, "Requested");
        await StatusAsync(office.Clerk, replacement.Id, FinanceCode, "Arrived");

        await OkAsync<ReceivedPackageView>(clerk.PostAsJsonAsync($"/api/documents/exchange/received/{request.Id}/accept", new { }));
        await RecallAsync(office.Clerk, replaced.Id, FinanceCode, "Accepted");
        var old = (await clerk.GetFromJsonAsync<IncomingDocumentView>($"/api/documents/incoming/{registered.IncomingDocumentId}"))!;
        Assert.That(old.Status, Is.EqualTo("Cancelled"));

        var now = await OkAsync<ReceivedPackageView>(clerk.PostAsJsonAsync($"/api/documents/exchange/received/{request.Id}/accept", new { }));
        var incoming = (await clerk.GetFromJsonAsync<IncomingDocumentView>($"/api/documents/incoming/{now.IncomingDocumentId}"))!;
        Assert.That(incoming.NumberAndCode, Is.EqualTo(replacement.NumberAndCode));
        await StatusAsync(office.Clerk, replacement.Id, FinanceCode, "Accepted");
    }
}
