using Platform.Contracts;
using Platform.Documents.Apis;
using Platform.Documents.Domain;
using Platform.ServiceDefaults.Errors;

namespace Platform.Documents.Tests;

public sealed class IncomingDocumentRulesTests
{
    private static readonly DateTime Now = new(2026, 11, 23, 3, 0, 0, DateTimeKind.Utc);

    private static IncomingDocument Document(Secrecy secrecy = Secrecy.None, string unit = "VP") => new()
    {
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
}
