using Platform.Gazette.Domain;
using Platform.ServiceDefaults.Errors;

namespace Platform.Gazette.Tests;

public sealed class GazetteIssueRulesTests
{
    private static GazetteEntry Entry(EntryStatus status = EntryStatus.Received, string? text = "Điều 1.")
    {
        var entry = new GazetteEntry
        {
            Id = Guid.NewGuid(), NumberAndCode = "01/2026/NQ-HĐND", DocumentType = "Nghị quyết", Subject = "Thử", IssuingBody = "Hội đồng nhân dân tỉnh",
        };
        entry.AttachOriginal(text, null);
        if (status == EntryStatus.Returned) entry.ReturnToIssuer("Sai", "congbao", DateTime.UtcNow);
        return entry;
    }

    private static GazetteIssue Draft(Guid? corrects = null) => new() { Id = Guid.NewGuid(), CreatedBy = "congbao", CorrectsIssueId = corrects };

    [Test]
    public void A_draft_has_no_number_and_a_published_combined_issue_shows_both()
    {
        var issue = Draft();
        issue.Compose([Entry()], combined: true, null);
        Assert.That(issue.Label, Is.EqualTo("Dự thảo"));

        issue.Publish(2026, 12, new DateOnly(2026, 11, 23), DateTime.UtcNow, "congbao");

        Assert.That(issue.Numbers, Is.EqualTo(new[] { 12, 13 }));
        Assert.That(issue.Label, Is.EqualTo("Số 12 + 13"));
    }

    [Test]
    public void A_published_issue_refuses_every_change()
    {
        var issue = Draft();
        issue.Compose([Entry()], combined: false, null);
        issue.Publish(2026, 1, new DateOnly(2026, 11, 23), DateTime.UtcNow, "congbao");

        Assert.Throws<DomainRuleException>(() => issue.Compose([Entry()], combined: false, null));
        Assert.Throws<DomainRuleException>(() => issue.Publish(2026, 2, new DateOnly(2026, 11, 23), DateTime.UtcNow, "congbao"));
    }

    [Test]
    public void An_issue_takes_only_received_documents_with_text()
    {
        Assert.Throws<DomainRuleException>(() => Draft().Compose([Entry(EntryStatus.Returned)], false, null));
        Assert.Throws<DomainRuleException>(() => Draft().Compose([Entry(text: null)], false, null));
        Assert.Throws<DomainRuleException>(() => Draft().Compose([], false, null));
    }

    [Test]
    public void A_correction_must_say_what_it_corrects()
    {
        Assert.Throws<DomainRuleException>(() => Draft(corrects: Guid.NewGuid()).Compose([], false, " "));
        Assert.DoesNotThrow(() => Draft(corrects: Guid.NewGuid()).Compose([], false, "Dòng 3 sửa \"2025\" thành \"2026\"."));
    }

    [Test]
    public void Only_a_returned_document_takes_a_corrected_original_and_the_old_one_is_kept()
    {
        var entry = Entry(text: "Bản cũ");
        Assert.Throws<DomainRuleException>(() => entry.ReplaceOriginal("Bản mới", null, "congbao", DateTime.UtcNow, null));

        entry.ReturnToIssuer("Sai số liệu", "congbao", DateTime.UtcNow);
        entry.ReplaceOriginal("Bản mới", null, "congbao", DateTime.UtcNow, null);

        Assert.That(entry.Version, Is.EqualTo(2));
        Assert.That(entry.History.Single(h => h.Action == EntryAction.Replaced).Text, Is.EqualTo("Bản cũ"));
    }
}
