using Platform.Documents.Exchange;
using Platform.ServiceDefaults.Errors;

namespace Platform.Documents.Tests.Exchange;

public sealed class ReceivedPackageTests
{
    private static readonly DateTime Now = new(2026, 11, 23, 3, 0, 0, DateTimeKind.Utc);

    private static ReceivedPackage Received(BusinessKind kind = BusinessKind.New) => ReceivedPackage.Start(new ReceivedPackage
    {
        Id = Guid.NewGuid(),
        DocumentId = "000.00.01.H56,2026/11/20,123/UBND-KT",
        Kind = kind,
        SenderCode = "000.00.01.H56",
        SenderName = "Văn phòng UBND tỉnh",
        NumberAndCode = "123/UBND-KT",
        DocumentType = "Công văn",
        Subject = "Về việc rà soát tài sản công",
        PackageSha256 = new string('a', 64),
    }, Now);

    [Test]
    public void A_new_document_awaits_registration_and_a_request_awaits_a_decision()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Received().AwaitsRegistration, Is.True);
            Assert.That(Received().State, Is.EqualTo(FeedbackStatus.Arrived));
            Assert.That(Received(BusinessKind.Recall).State, Is.EqualTo(FeedbackStatus.RecallRequested));
            Assert.That(Received(BusinessKind.Recall).AwaitsRegistration, Is.False);
        });
    }

    [Test]
    public void Registration_answers_03_and_links_the_incoming_document()
    {
        var package = Received();
        var incoming = Guid.NewGuid();
        package.Registered(incoming, Now);
        Assert.Multiple(() =>
        {
            Assert.That(package.State, Is.EqualTo(FeedbackStatus.Accepted));
            Assert.That(package.IncomingDocumentId, Is.EqualTo(incoming));
            Assert.That(package.AwaitsRegistration, Is.False);
        });
    }

    [Test]
    public void An_accepted_recall_is_settled_but_an_accepted_update_waits_to_be_registered()
    {
        var recall = Received(BusinessKind.Recall);
        var update = Received(BusinessKind.Update);
        Assert.Multiple(() =>
        {
            Assert.That(recall.Decide(true, null, Now), Is.EqualTo(FeedbackStatus.RecallAccepted));
            Assert.That(recall.State, Is.EqualTo(FeedbackStatus.RecallAccepted));
            Assert.That(update.Decide(true, null, Now), Is.EqualTo(FeedbackStatus.RecallAccepted));
            Assert.That(update.AwaitsRegistration, Is.True);
        });
    }

    [Test]
    public void A_refused_request_needs_a_reason_and_a_new_document_is_no_request()
    {
        var recall = Received(BusinessKind.Recall);
        Assert.That(Assert.Throws<DomainRuleException>(() => recall.Decide(false, " ", Now))!.Code, Is.EqualTo("reason-required"));
        Assert.That(recall.Decide(false, "Đã giải quyết xong", Now), Is.EqualTo(FeedbackStatus.RecallRefused));
        Assert.That(recall.Reason, Is.EqualTo("Đã giải quyết xong"));
        Assert.That(Assert.Throws<DomainRuleException>(() => Received().Decide(true, null, Now))!.Code, Is.EqualTo("not-a-pending-request"));
    }

    [Test]
    public void A_recall_of_the_original_resumes_where_it_was_when_refused()
    {
        var original = Received();
        original.Registered(Guid.NewGuid(), Now);
        original.Apply(FeedbackStatus.RecallRequested, null, Now);
        original.Apply(FeedbackStatus.RecallRefused, "Đã giao xử lý", Now);
        Assert.That(original.State, Is.EqualTo(FeedbackStatus.Accepted));
    }
}
