using Platform.Contracts;
using Platform.Documents.Apis;
using Platform.Documents.Domain;
using Platform.ServiceDefaults.Errors;

namespace Platform.Documents.Tests;

public sealed class IncomingDocumentRulesTests
{
    private static readonly DateTime Now = new(2026, 11, 23, 3, 0, 0, DateTimeKind.Utc);

    private static IncomingDocument Document(Secrecy secrecy = Secrecy.None, string unit = "VP", Urgency urgency = Urgency.Normal) => new()
    {
        Urgency = urgency,
        Id = Guid.NewGuid(),
        Year = 2026,
        ArrivalNumber = 1,
        IssuingBody = "Bộ Nội vụ",
        NumberAndCode = "05/QĐ-BNV",
        DocumentType = "Quyết định",
        Subject = "Về việc ban hành quy chế",
        Secrecy = secrecy,
        RegisteredBy = "vanthu",
        RegisteredByUnit = unit,
    };

    [TestCase(Urgency.Normal, false)]
    [TestCase(Urgency.Urgent, false)]
    [TestCase(Urgency.VeryUrgent, true)]
    [TestCase(Urgency.Flash, true)]
    [TestCase(Urgency.FlashScheduled, true)]
    public void Arrival_time_is_recorded_for_very_urgent_and_flash_documents(Urgency urgency, bool recorded) =>
        Assert.That(IncomingDocument.RecordsArrivalTime(urgency), Is.EqualTo(recorded));

    [Test]
    public void A_direction_cannot_be_recorded_twice()
    {
        var document = Document();
        document.RecordDirection("Giao Sở Nội vụ chủ trì", "SNV", ["STC"], new DateOnly(2026, 12, 1), "lanhdao", Now);
        var error = Assert.Throws<DomainRuleException>(() =>
            document.RecordDirection("Giao lại", "STC", [], null, "lanhdao", Now));
        Assert.That(error!.StatusCode, Is.EqualTo(409));
        Assert.That(document.LeadUnit, Is.EqualTo("SNV"));
    }

    [Test]
    public void A_deadline_before_today_is_refused()
    {
        var error = Assert.Throws<DomainRuleException>(() =>
            Document().RecordDirection("Giao", "SNV", [], new DateOnly(2026, 11, 1), "lanhdao", Now));
        Assert.That(error!.Message, Does.Contain("Hạn xử lý"));
    }

    [Test]
    public void Nobody_reads_a_document_above_their_clearance()
    {
        var secret = Document(Secrecy.Secret);
        Assert.Multiple(() =>
        {
            Assert.That(new DocumentAccess(Secrecy.Confidential, "VP", SeesAllUnits: true).CanRead(secret), Is.False);
            Assert.That(new DocumentAccess(Secrecy.Secret, "VP", SeesAllUnits: true).CanRead(secret), Is.True);
            Assert.That(new DocumentAccess(Secrecy.TopSecret, "VP", SeesAllUnits: true).CanRead(secret), Is.True);
        });
    }

    [Test]
    public void A_specialist_reads_only_documents_of_units_involved()
    {
        var document = Document(unit: "VP");
        document.RecordDirection("Giao", "SNV", ["STC", "SKHĐT"], null, "lanhdao", Now);
        Assert.Multiple(() =>
        {
            Assert.That(new DocumentAccess(Secrecy.None, "SNV", false).CanRead(document), Is.True, "lead unit");
            Assert.That(new DocumentAccess(Secrecy.None, "SKHĐT", false).CanRead(document), Is.True, "supporting unit");
            Assert.That(new DocumentAccess(Secrecy.None, "TC", false).CanRead(document), Is.False, "a unit named inside another's code");
            Assert.That(new DocumentAccess(Secrecy.None, null, false).CanRead(document), Is.False, "no unit");
        });
    }

    [Test]
    public void Missing_fields_are_reported_in_Vietnamese()
    {
        var request = new RegisterIncomingDocumentRequest(null, " ", new DateOnly(2026, 12, 31), "Quyết định", new string('a', 501),
            Urgency.Normal, Secrecy.None, -1, null);
        var errors = request.Validate(new DateOnly(2026, 11, 23));
        Assert.That(errors.Keys, Is.EquivalentTo(new[] { "IssuingBody", "NumberAndCode", "DocumentDate", "Subject", "PageCount" }));
        Assert.That(errors["IssuingBody"][0], Is.EqualTo("Cơ quan ban hành là bắt buộc."));
        Assert.That(errors["Subject"][0], Is.EqualTo("Trích yếu tối đa 500 ký tự."));
    }

    [Test]
    public void A_normal_document_is_handed_on_only_after_a_direction_but_an_urgent_one_at_once()
    {
        var normal = Document();
        Assert.That(Assert.Throws<DomainRuleException>(() => normal.HandOn("SNV", "vanthu", Now))!.Code, Is.EqualTo("illegal-transition"));
        normal.RecordDirection("Giao", "SNV", [], null, "lanhdao", Now);
        normal.HandOn("SNV", "vanthu", Now);
        Assert.That(normal.Status, Is.EqualTo(IncomingStatus.HandedOn));

        var flash = Document(urgency: Urgency.Flash);
        flash.HandOn("Chánh Văn phòng", "vanthu", Now);
        Assert.That(flash.HandedOnAtUtc, Is.EqualTo(Now));
        Assert.That(flash.Status, Is.EqualTo(IncomingStatus.Registered), "still waits for the leader's direction");
    }

    [Test]
    public void Progress_with_the_reply_settles_the_document()
    {
        var document = Document();
        Assert.Throws<DomainRuleException>(() => document.ReportProgress("Đang dự thảo", null, false, Now), "no direction yet");
        document.RecordDirection("Giao", "SNV", [], new DateOnly(2026, 11, 30), "lanhdao", Now);
        document.ReportProgress("Đang dự thảo văn bản trả lời", null, done: false, Now);
        Assert.That(document.Status, Is.EqualTo(IncomingStatus.InProgress));
        document.ReportProgress("Đã trả lời", "12/SNV-VP", done: true, Now);
        Assert.That(document.Status, Is.EqualTo(IncomingStatus.Done));
        Assert.That(document.ReplyNumberAndCode, Is.EqualTo("12/SNV-VP"));
        Assert.That(Platform.Documents.Registers.RegisterBuilder.Timeliness(document, new DateOnly(2026, 12, 5)), Is.EqualTo("Hoàn thành đúng hạn"));
        Assert.Throws<DomainRuleException>(() => document.ReportProgress("Thêm", null, false, Now), "settled");
    }

    [Test]
    public void Follow_up_timeliness_tells_overdue_from_within_term()
    {
        var document = Document();
        document.RecordDirection("Giao", "SNV", [], new DateOnly(2026, 11, 30), "lanhdao", Now);
        Assert.That(Platform.Documents.Registers.RegisterBuilder.Timeliness(document, new DateOnly(2026, 11, 30)), Is.EqualTo("Đang xử lý, trong hạn"));
        Assert.That(Platform.Documents.Registers.RegisterBuilder.Timeliness(document, new DateOnly(2026, 12, 1)), Is.EqualTo("Đang xử lý, quá hạn"));
        document.ReportProgress("Xong", null, done: true, new DateTime(2026, 12, 2, 3, 0, 0, DateTimeKind.Utc));
        Assert.That(Platform.Documents.Registers.RegisterBuilder.Timeliness(document, new DateOnly(2026, 12, 5)), Is.EqualTo("Hoàn thành quá hạn"));
    }

    [Test]
    public void A_document_goes_back_to_its_sender_only_with_a_reason_and_before_any_direction()
    {
        var document = Document();
        Assert.Throws<DomainRuleException>(() => document.ReturnToSender("  ", Now));
        document.ReturnToSender("Gửi nhầm cơ quan", Now);
        Assert.That(document.Status, Is.EqualTo(IncomingStatus.Returned));
        Assert.Throws<DomainRuleException>(() => document.RecordDirection("Giao", "SNV", [], null, "lanhdao", Now));
        var directed = Document();
        directed.RecordDirection("Giao", "SNV", [], null, "lanhdao", Now);
        Assert.Throws<DomainRuleException>(() => directed.ReturnToSender("Muộn", Now));
    }
}
