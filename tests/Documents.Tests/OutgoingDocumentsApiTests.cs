using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Contracts;
using Platform.Contracts.Events;
using Platform.Documents.Apis;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Documents.Domain;
using Platform.Documents.Persistence;
using Platform.ServiceDefaults.Auth;
using Platform.TestSupport;

namespace Platform.Documents.Tests;

[TestFixtureSource(typeof(DatabaseKinds), nameof(DatabaseKinds.All))]
public sealed class OutgoingDocumentsApiTests(DatabaseKind database)
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
    public async Task An_issued_document_gets_its_number_and_publishes_document_issued_with_its_flags()
    {
        using var capture = new EventCapture(_factory.Broker, Topics.DocumentIssued);
        var signed = await _flow.SignedAsync(OutgoingDriver.Draft("Quyết định", isPublic: true, isLegalNormative: true));
        Assert.That(signed.NumberAndCode, Is.Null, "no number before issue");
        var issued = await _flow.StepAsync(_flow.Clerk, signed.Id, "issue");
        Assert.That(issued.NumberAndCode, Does.Match(@"^\d{2,}/20\d\d/QĐ-UBND$"));
        var filed = await _flow.StepAsync(_flow.Clerk, signed.Id, "file");
        Assert.That(filed.Status, Is.EqualTo("Filed"));

        var published = await capture.NextAsync<DocumentIssued>(e => e.DocumentId == signed.Id);
        Assert.Multiple(() =>
        {
            Assert.That(published.NumberAndCode, Is.EqualTo(issued.NumberAndCode));
            Assert.That(published.IsPublic, Is.True);
            Assert.That(published.IsLegalNormative, Is.True);
            Assert.That(published.SignerName, Is.EqualTo("Nguyễn Văn B"));
            Assert.That(published.SignerPosition, Is.EqualTo("KT. CHỦ TỊCH - PHÓ CHỦ TỊCH"));
            Assert.That(published.Recipients, Has.Count.EqualTo(2));
        });
    }

    [Test]
    public async Task Legal_normative_decisions_and_administrative_documents_are_numbered_in_separate_series()
    {
        var normative1 = await _flow.IssuedAsync(OutgoingDriver.Draft("Nghị quyết", isLegalNormative: true));
        var plan = await _flow.IssuedAsync(OutgoingDriver.Draft("Kế hoạch"));
        var normative2 = await _flow.IssuedAsync(OutgoingDriver.Draft("Nghị quyết", isLegalNormative: true));
        var letter = await _flow.IssuedAsync(OutgoingDriver.Draft("Công văn"));
        Assert.Multiple(() =>
        {
            Assert.That(normative2.Number, Is.EqualTo(normative1.Number + 1), "the resolution series skips the plan");
            Assert.That(letter.Number, Is.EqualTo(plan.Number + 1), "administrative documents share one series by default");
            Assert.That(letter.NumberAndCode, Is.EqualTo($"{letter.Number:00}/UBND-KT"), "a công văn names the drafting unit");
        });
    }

    [Test]
    public async Task An_illegal_step_is_refused_with_a_Vietnamese_problem()
    {
        var draft = await _flow.CreateAsync();
        var response = await _flow.Clerk.PostAsJsonAsync($"/api/documents/outgoing/{draft.Id}/issue", new { });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(problem.GetProperty("detail").GetString(), Is.EqualTo("Không thể cấp số và phát hành văn bản đang ở trạng thái \"Dự thảo\"."));
        Assert.That(problem.GetProperty("code").GetString(), Is.EqualTo("illegal-transition"));

        var wrongRole = await _flow.Specialist.PostAsJsonAsync($"/api/documents/outgoing/{draft.Id}/approve", new { });
        Assert.That(wrongRole.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(await wrongRole.Content.ReadAsStringAsync(), Does.Contain("Chỉ lãnh đạo mới được duyệt"));
    }

    [Test]
    public async Task A_secret_document_cannot_be_made_public()
    {
        var response = await _flow.Specialist.PostAsJsonAsync("/api/documents/outgoing", OutgoingDriver.Draft(secrecy: "Confidential", isPublic: true));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("Văn bản mật không được công khai"));

        using var clearedSpecialist = _factory.ClientFor(TestUser.Specialist with { Clearance = "confidential" });
        var secret = await (await clearedSpecialist.PostAsJsonAsync("/api/documents/outgoing", OutgoingDriver.Draft(secrecy: "Confidential")))
            .Content.ReadFromJsonAsync<OutgoingDocumentView>();
        var update = await clearedSpecialist.PutAsJsonAsync($"/api/documents/outgoing/{secret!.Id}", new { isLegalNormative = true });
        Assert.That(update.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That((await _flow.Specialist.GetAsync($"/api/documents/outgoing/{secret.Id}")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "uncleared reader");
    }

    [Test]
    public async Task A_signed_document_verifies_and_fails_once_its_file_is_changed()
    {
        var issued = await _flow.IssuedAsync(OutgoingDriver.Draft(isPublic: true));
        using var anonymous = _factory.ClientFor(null);
        var check = await anonymous.GetFromJsonAsync<JsonElement>($"/api/documents/outgoing/{issued.Id}/verification");
        Assert.That(check.GetProperty("valid").GetBoolean(), Is.True, check.ToString());
        Assert.That(check.GetProperty("signatures").EnumerateArray().Select(s => s.GetProperty("kind").GetString()), Is.EqualTo(new[] { "Signer", "Seal" }));

        var main = issued.Attachments.Single(a => a.IsMain);
        var original = await _flow.Clerk.GetByteArrayAsync($"/api/documents/outgoing/{issued.Id}/attachments/{main.Id}");
        var altered = (byte[])original.Clone();
        altered[^20] ^= 0x01;
        var copyCheck = await (await anonymous.PostAsync($"/api/documents/outgoing/{issued.Id}/verification", TestFiles.Form(altered, "copy.pdf")))
            .Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(copyCheck.GetProperty("valid").GetBoolean(), Is.False, "an altered copy");
        Assert.That(copyCheck.GetProperty("message").GetString(), Does.Contain("đã bị thay đổi"));

        // Tamper with the stored file itself, as someone with disk access might.
        var store = (Platform.Documents.Files.DiskFileStore)_factory.Services.GetService(typeof(Platform.Documents.Files.IFileStore))!;
        await File.WriteAllBytesAsync(store.PathOf(main.Sha256), altered);
        try
        {
            var stored = await anonymous.GetFromJsonAsync<JsonElement>($"/api/documents/outgoing/{issued.Id}/verification");
            Assert.That(stored.GetProperty("valid").GetBoolean(), Is.False, "the stored file changed after signing");
        }
        finally
        {
            await File.WriteAllBytesAsync(store.PathOf(main.Sha256), original);
        }
    }

    [Test]
    public async Task Anyone_may_verify_only_issued_public_documents()
    {
        var internalDocument = await _flow.IssuedAsync(OutgoingDriver.Draft(isPublic: false));
        using var anonymous = _factory.ClientFor(null);
        Assert.That((await anonymous.GetAsync($"/api/documents/outgoing/{internalDocument.Id}/verification")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        var check = await _flow.Clerk.GetFromJsonAsync<JsonElement>($"/api/documents/outgoing/{internalDocument.Id}/verification");
        Assert.That(check.GetProperty("valid").GetBoolean(), Is.True);
    }

    [Test]
    public async Task Recall_freezes_the_document_publishes_document_recalled_and_a_replacement_links_to_it()
    {
        using var capture = new EventCapture(_factory.Broker, Topics.DocumentRecalled);
        var issued = await _flow.IssuedAsync();
        var noReason = await _flow.Leader.PostAsJsonAsync($"/api/documents/outgoing/{issued.Id}/recall", new { reason = "" });
        Assert.That(noReason.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        var recalled = await _flow.StepAsync(_flow.Leader, issued.Id, "recall", new { reason = "Sai thẩm quyền ban hành" });
        Assert.That(recalled.Status, Is.EqualTo("Recalled"));
        var evt = await capture.NextAsync<DocumentRecalled>(e => e.DocumentId == issued.Id);
        Assert.That(evt.Reason, Is.EqualTo("Sai thẩm quyền ban hành"));
        Assert.That(evt.NumberAndCode, Is.EqualTo(issued.NumberAndCode));

        var frozen = await _flow.Clerk.PostAsJsonAsync($"/api/documents/outgoing/{issued.Id}/file", new { });
        Assert.That(frozen.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(await frozen.Content.ReadAsStringAsync(), Does.Contain("đã bị thu hồi"));

        using var issuedCapture = new EventCapture(_factory.Broker, Topics.DocumentIssued);
        var replacement = await _flow.IssuedAsync(OutgoingDriver.Draft(replacesId: issued.Id));
        Assert.That(replacement.ReplacesId, Is.EqualTo(issued.Id));
        var original = await _flow.Clerk.GetFromJsonAsync<OutgoingDocumentView>($"/api/documents/outgoing/{issued.Id}");
        Assert.That(original!.ReplacedById, Is.EqualTo(replacement.Id));
        var replacementIssued = await issuedCapture.NextAsync<DocumentIssued>(e => e.DocumentId == replacement.Id);
        Assert.That(replacementIssued.ReplacesDocumentId, Is.EqualTo(issued.Id));
    }

    [Test]
    public async Task A_draft_cannot_claim_to_replace_a_document_that_was_never_issued()
    {
        var draft = await _flow.CreateAsync();
        var response = await _flow.Specialist.PostAsJsonAsync("/api/documents/outgoing", OutgoingDriver.Draft(replacesId: draft.Id));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
    }

    [Test]
    public async Task The_audit_trail_records_who_did_each_step_and_from_where()
    {
        var draft = await _flow.CreateAsync();
        await _flow.AttachAsync(draft.Id, TestFiles.Pdf("Bao cao"));
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/documents/outgoing/{draft.Id}/submit") { Content = JsonContent.Create(new { }) };
        request.Headers.Add("X-Forwarded-For", "10.9.9.9, 203.0.113.7");
        Assert.That((await _flow.Specialist.SendAsync(request)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        await _flow.StepAsync(_flow.Leader, draft.Id, "return", new { reason = "Bổ sung căn cứ pháp lý" });

        var trail = await _flow.Leader.GetFromJsonAsync<AuditEntryView[]>($"/api/documents/outgoing/{draft.Id}/audit");
        Assert.That(trail!.Select(e => e.Action), Is.EqualTo(new[] { "Create", "Attach", "Submit", "Return" }));
        var submit = trail![2];
        Assert.Multiple(() =>
        {
            Assert.That(submit.Actor, Is.EqualTo("chuyenvien"));
            Assert.That(submit.FromStatus, Is.EqualTo("Draft"));
            Assert.That(submit.ToStatus, Is.EqualTo("InReview"));
            Assert.That(submit.IpAddress, Is.EqualTo("203.0.113.7"), "the address the gateway saw, not one the client claimed");
            Assert.That(trail[3].Detail, Is.EqualTo("Bổ sung căn cứ pháp lý"));
        });
        foreach (var method in new[] { HttpMethod.Put, HttpMethod.Delete, HttpMethod.Post })
        {
            using var edit = new HttpRequestMessage(method, $"/api/documents/outgoing/{draft.Id}/audit") { Content = JsonContent.Create(new { }) };
            Assert.That((await _flow.Leader.SendAsync(edit)).StatusCode, Is.EqualTo(HttpStatusCode.MethodNotAllowed), method.Method);
        }
    }

    [Test]
    public async Task The_OpenAPI_document_describes_the_outgoing_flow_and_the_registers()
    {
        using var anonymous = _factory.ClientFor(null);
        var text = await anonymous.GetStringAsync("/openapi/v1.json");
        Assert.That(text, Does.Contain("/api/documents/outgoing/{id}/issue").And.Contain("/api/documents/registers/follow-up").And.Contain("/api/documents/outgoing/{id}/attachments"));
    }

    [Test]
    public async Task Two_people_acting_on_one_document_at_once_cannot_both_succeed()
    {
        var draft = await _flow.CreateAsync();
        await _flow.StepAsync(_flow.Specialist, draft.Id, "submit");
        using var first = _factory.Services.CreateScope();
        using var second = _factory.Services.CreateScope();
        var db1 = first.ServiceProvider.GetRequiredService<DocumentsDbContext>();
        var db2 = second.ServiceProvider.GetRequiredService<DocumentsDbContext>();
        var leader = new Actor("lanhdao", "VP", new HashSet<string> { Roles.Leader });
        var mine = await db1.OutgoingDocuments.SingleAsync(d => d.Id == draft.Id);
        var theirs = await db2.OutgoingDocuments.SingleAsync(d => d.Id == draft.Id);
        mine.Review(leader);
        theirs.Return(leader, "Chưa đạt yêu cầu");
        await db1.SaveChangesAsync();
        var error = Assert.ThrowsAsync<Platform.ServiceDefaults.Errors.DomainRuleException>(() => db2.SaveChangesAsync())!;
        Assert.That(error.Code, Is.EqualTo("concurrent-change"));
        var stored = await _flow.Leader.GetFromJsonAsync<OutgoingDocumentView>($"/api/documents/outgoing/{draft.Id}");
        Assert.That(stored!.Status, Is.EqualTo("Reviewed"));
    }
}
