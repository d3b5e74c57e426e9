using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Documents.Apis;
using Platform.Documents.Persistence;
using Platform.Documents.Registers;
using Platform.TestSupport;

namespace Platform.Documents.Tests;

[TestFixtureSource(typeof(DatabaseKinds), nameof(DatabaseKinds.All))]
public sealed class IncomingFollowUpApiTests(DatabaseKind database)
{
    private DocumentsFactory _factory = null!;
    private HttpClient _clerk = null!;
    private HttpClient _leader = null!;

    [OneTimeSetUp]
    public void Start()
    {
        _factory = new DocumentsFactory(database);
        _clerk = _factory.ClientFor(TestUser.Clerk);
        _leader = _factory.ClientFor(TestUser.Leader);
    }

    [OneTimeTearDown]
    public void Stop()
    {
        _clerk.Dispose();
        _leader.Dispose();
        _factory.Dispose();
    }

    private static object Incoming(string number, bool confirmDuplicate = false, string date = "2026-11-20", string urgency = "Normal") => new
    {
        issuingBody = "Sở Tài nguyên và Môi trường",
        numberAndCode = number,
        documentDate = date,
        documentType = "Công văn",
        subject = "Về việc báo cáo tình hình sạt lở bờ sông",
        urgency,
        secrecy = "None",
        pageCount = 2,
        confirmDuplicate,
    };

    private async Task<IncomingDocumentView> RegisterAsync(object request)
    {
        var response = await _clerk.PostAsJsonAsync("/api/documents/incoming", request);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<IncomingDocumentView>())!;
    }

    [Test]
    public async Task The_same_document_arriving_twice_is_flagged_and_registered_again_only_when_the_clerk_confirms()
    {
        var first = await RegisterAsync(Incoming("88/STNMT-KS"));
        var again = await _clerk.PostAsJsonAsync("/api/documents/incoming", Incoming("88/STNMT-KS"));
        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        var problem = await again.Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(problem.GetProperty("code").GetString(), Is.EqualTo("duplicate"));
        Assert.That(problem.GetProperty("existing").GetProperty("id").GetGuid(), Is.EqualTo(first.Id));
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("đã được vào sổ"));

        var otherDate = await RegisterAsync(Incoming("88/STNMT-KS", date: "2026-11-21"));
        Assert.That(otherDate.ArrivalNumber, Is.EqualTo(first.ArrivalNumber + 1), "the refused attempt gave its arrival number back");
        Assert.That(otherDate.DuplicateOf, Is.Null);

        var confirmed = await RegisterAsync(Incoming("88/STNMT-KS", confirmDuplicate: true));
        Assert.That(confirmed.DuplicateOf, Is.EqualTo(first.Id));
    }

    [Test]
    public async Task A_misaddressed_document_is_returned_to_its_sender_with_a_reason()
    {
        var document = await RegisterAsync(Incoming("5/STNMT-VP"));
        var noReason = await _clerk.PostAsJsonAsync($"/api/documents/incoming/{document.Id}/return", new { reason = "" });
        Assert.That(noReason.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        var returned = await (await _clerk.PostAsJsonAsync($"/api/documents/incoming/{document.Id}/return", new { reason = "Gửi nhầm, không thuộc thẩm quyền" }))
            .Content.ReadFromJsonAsync<IncomingDocumentView>();
        Assert.That(returned!.Status, Is.EqualTo("Returned"));
        Assert.That(returned.ReturnReason, Is.EqualTo("Gửi nhầm, không thuộc thẩm quyền"));
        var direction = await _leader.PostAsJsonAsync($"/api/documents/incoming/{document.Id}/direction", new { direction = "Giao", leadUnit = "KT" });
        Assert.That(direction.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        var returnedList = await _clerk.GetFromJsonAsync<IncomingDocumentView[]>("/api/documents/incoming?status=Returned");
        Assert.That(returnedList!.Select(d => d.Id), Is.EqualTo(new[] { document.Id }));
    }

    [Test]
    public async Task Hand_on_and_progress_fill_the_follow_up_register()
    {
        var document = await RegisterAsync(Incoming("140/STNMT-TNN"));
        await _leader.PostAsJsonAsync($"/api/documents/incoming/{document.Id}/direction",
            new { direction = "Giao phòng Kinh tế tham mưu", leadUnit = "KT", supportingUnits = new[] { "TH" }, deadline = "2099-12-31" });
        var handed = await (await _clerk.PostAsJsonAsync($"/api/documents/incoming/{document.Id}/hand-on", new { })).Content.ReadFromJsonAsync<IncomingDocumentView>();
        Assert.That(handed!.HandedOnTo, Is.EqualTo("KT"));

        using var outsider = _factory.ClientFor(TestUser.Specialist with { Unit = "TH" });
        var notLead = await outsider.PostAsJsonAsync($"/api/documents/incoming/{document.Id}/progress", new { progress = "Xong", done = true });
        Assert.That(notLead.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), "a supporting unit does not report for the lead");
        using var specialist = _factory.ClientFor(TestUser.Specialist);
        var progress = await specialist.PostAsJsonAsync($"/api/documents/incoming/{document.Id}/progress",
            new { progress = "Đã tham mưu văn bản trả lời", replyNumberAndCode = "45/UBND-KT", done = true });
        Assert.That(progress.StatusCode, Is.EqualTo(HttpStatusCode.OK), await progress.Content.ReadAsStringAsync());

        var register = await _leader.GetFromJsonAsync<Register>("/api/documents/registers/follow-up");
        Assert.That(register!.Columns, Does.Contain("Hạn giải quyết").And.Contain("Tiến độ giải quyết").And.Contain("Số, ký hiệu văn bản trả lời"));
        var row = register.Rows.Single(r => r[3] == "140/STNMT-TNN");
        Assert.That(row, Does.Contain("31/12/2099").And.Contain("45/UBND-KT").And.Contain("Hoàn thành đúng hạn").And.Contain("Đã tham mưu văn bản trả lời"));

        var trail = await _leader.GetFromJsonAsync<AuditEntryView[]>($"/api/documents/incoming/{document.Id}/audit");
        Assert.That(trail!.Select(e => e.Action), Is.EqualTo(new[] { "Register", "Direction", "HandOn", "Progress" }));
    }

    [Test]
    public async Task The_incoming_register_has_the_decree_columns_is_filtered_by_period_and_exports_to_xlsx()
    {
        var document = await RegisterAsync(Incoming("201/STNMT-MT", urgency: "Flash"));
        var register = await _clerk.GetFromJsonAsync<Register>("/api/documents/registers/incoming");
        Assert.That(register!.Columns, Is.EqualTo(RegisterBuilder.IncomingColumns));
        Assert.That(register.Columns[0], Is.EqualTo("Ngày đến"));
        var row = register.Rows.Single(r => r[3] == "201/STNMT-MT");
        Assert.That(row[1], Is.EqualTo(document.ArrivalNumber.ToString()));
        Assert.That(row[5], Is.EqualTo("Công văn Về việc báo cáo tình hình sạt lở bờ sông"));
        Assert.That(row[9], Does.Contain("Hỏa tốc"));
        Assert.That(row[0], Does.Match(@"^\d\d/\d\d/\d{4} \d\d:\d\d$"), "urgent documents show the hour of arrival");

        var lastYear = await _clerk.GetFromJsonAsync<Register>("/api/documents/registers/incoming?from=2020-01-01&to=2020-12-31");
        Assert.That(lastYear!.Rows, Is.Empty);
        Assert.That((await _clerk.GetAsync("/api/documents/registers/incoming?from=2026-12-01&to=2026-01-01")).StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));

        var xlsx = await _clerk.GetAsync("/api/documents/registers/incoming?format=xlsx");
        Assert.That(xlsx.Content.Headers.ContentType?.MediaType, Is.EqualTo(XlsxRegister.ContentType));
        using var workbook = SpreadsheetDocument.Open(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()), false);
        var text = workbook.WorkbookPart!.WorksheetParts.Single().Worksheet.InnerText;
        Assert.That(text, Does.Contain("SỔ ĐĂNG KÝ VĂN BẢN ĐẾN").And.Contain("Tên loại và trích yếu").And.Contain("201/STNMT-MT"));
    }

    [Test]
    public async Task The_outgoing_register_lists_issued_documents_with_signer_and_recipients()
    {
        using var flow = new OutgoingDriver(_factory);
        var issued = await flow.IssuedAsync(OutgoingDriver.Draft("Công văn"));
        var draft = await flow.CreateAsync(OutgoingDriver.Draft(subject: "Dự thảo chưa phát hành " + Guid.NewGuid()));
        var register = await _clerk.GetFromJsonAsync<Register>("/api/documents/registers/outgoing");
        Assert.That(register!.Columns, Is.EqualTo(RegisterBuilder.OutgoingColumns));
        var row = register.Rows.Single(r => r[0] == issued.NumberAndCode);
        Assert.That(row[3], Is.EqualTo("Nguyễn Văn B"));
        Assert.That(row[4], Is.EqualTo("Các sở, ban, ngành tỉnh; UBND các huyện, thành phố"));
        Assert.That(row[6], Is.EqualTo("3"));
        Assert.That(register.Rows.Select(r => r[2]), Has.None.Contains(draft.Subject), "a draft is not in the register");
    }

    [Test]
    public async Task The_audit_trail_cannot_be_changed_or_deleted()
    {
        var document = await RegisterAsync(Incoming("300/STNMT-VP"));
        using var scope = _factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<DocumentsDbContext>();
        var entry = await db.AuditEntries.FirstAsync(e => e.DocumentId == document.Id);
        db.Entry(entry).Property(e => e.Actor).CurrentValue = "someone-else";
        Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        db.ChangeTracker.Clear();
        db.AuditEntries.Remove(await db.AuditEntries.FirstAsync(e => e.DocumentId == document.Id));
        Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        db.ChangeTracker.Clear();
        Assert.That((await db.AuditEntries.FirstAsync(e => e.DocumentId == document.Id)).Actor, Is.EqualTo("vanthu"));
    }
}
