using Platform.Documents.Exchange;
using Platform.ServiceDefaults.Errors;

namespace Platform.Documents.Tests.Exchange;

public sealed class FeedbackStatusTests
{
    [TestCase(FeedbackStatus.Arrived, "01")]
    [TestCase(FeedbackStatus.Refused, "02")]
    [TestCase(FeedbackStatus.Accepted, "03")]
    [TestCase(FeedbackStatus.Assigned, "04")]
    [TestCase(FeedbackStatus.InProgress, "05")]
    [TestCase(FeedbackStatus.Done, "06")]
    [TestCase(FeedbackStatus.RecallRequested, "13")]
    [TestCase(FeedbackStatus.RecallAccepted, "15")]
    [TestCase(FeedbackStatus.RecallRefused, "16")]
    public void Feedback_codes_are_written_and_read_as_two_digits(FeedbackStatus status, string code)
    {
        Assert.That(status.Code(), Is.EqualTo(code));
        Assert.That(FeedbackCodes.Parse(code), Is.EqualTo(status));
    }

    [TestCase("07")]
    [TestCase("14")]
    [TestCase("-1")]
    [TestCase("ab")]
    [TestCase(null)]
    public void Unknown_codes_are_not_read(string? code) => Assert.That(FeedbackCodes.Parse(code), Is.Null);

    [Test]
    public void A_received_document_goes_from_arrived_to_done()
    {
        var state = ReceivedDocumentState.Arrived
            .Apply(FeedbackStatus.Accepted)
            .Apply(FeedbackStatus.Assigned)
            .Apply(FeedbackStatus.InProgress)
            .Apply(FeedbackStatus.InProgress)
            .Apply(FeedbackStatus.Done);
        Assert.That(state.Current, Is.EqualTo(FeedbackStatus.Done));
    }

    [Test]
    public void Only_a_document_nobody_acts_on_yet_can_be_refused_and_only_with_a_reason()
    {
        Assert.That(Assert.Throws<DomainRuleException>(() => ReceivedDocumentState.Arrived.Apply(FeedbackStatus.Refused, " "))!.Code, Is.EqualTo("reason-required"));
        var refused = ReceivedDocumentState.Arrived.Apply(FeedbackStatus.Refused, "Gửi nhầm nơi nhận");
        Assert.That(refused.IsFinal);
        // Registered, then returned (trả lại) before anyone was assigned it.
        var accepted = ReceivedDocumentState.Arrived.Apply(FeedbackStatus.Accepted);
        Assert.That(accepted.Apply(FeedbackStatus.Refused, "Sai thể thức văn bản").IsFinal);
        var assigned = accepted.Apply(FeedbackStatus.Assigned);
        Assert.That(Assert.Throws<DomainRuleException>(() => assigned.Apply(FeedbackStatus.Refused, "muộn"))!.Code, Is.EqualTo("illegal-feedback"));
    }

    [TestCase(FeedbackStatus.Arrived, FeedbackStatus.Assigned)]
    [TestCase(FeedbackStatus.Arrived, FeedbackStatus.Done)]
    [TestCase(FeedbackStatus.Accepted, FeedbackStatus.InProgress)]
    [TestCase(FeedbackStatus.Accepted, FeedbackStatus.Accepted)]
    [TestCase(FeedbackStatus.Done, FeedbackStatus.InProgress)]
    [TestCase(FeedbackStatus.Done, FeedbackStatus.Arrived)]
    [TestCase(FeedbackStatus.Refused, FeedbackStatus.RecallRequested)]
    [TestCase(FeedbackStatus.Arrived, FeedbackStatus.RecallAccepted)]
    public void Steps_out_of_order_are_refused_in_vietnamese(FeedbackStatus from, FeedbackStatus to)
    {
        var error = Assert.Throws<DomainRuleException>(() => new ReceivedDocumentState(from).Apply(to, "lý do"));
        Assert.That(error!.Code, Is.EqualTo("illegal-feedback"));
        Assert.That(error.Message, Does.StartWith("Không thể chuyển"));
    }

    [Test]
    public void An_accepted_recall_ends_the_document_on_the_receivers_side()
    {
        var state = ReceivedDocumentState.Arrived.Apply(FeedbackStatus.Accepted).Apply(FeedbackStatus.RecallRequested).Apply(FeedbackStatus.RecallAccepted);
        Assert.That(state.IsFinal);
        Assert.Throws<DomainRuleException>(() => state.Apply(FeedbackStatus.Assigned));
    }

    [Test]
    public void A_refused_recall_needs_a_reason_and_resumes_where_the_document_was()
    {
        var pending = ReceivedDocumentState.Arrived.Apply(FeedbackStatus.Accepted).Apply(FeedbackStatus.Assigned).Apply(FeedbackStatus.RecallRequested);
        Assert.That(pending.BeforeRecall, Is.EqualTo(FeedbackStatus.Assigned));
        Assert.Throws<DomainRuleException>(() => pending.Apply(FeedbackStatus.RecallRefused));
        var resumed = pending.Apply(FeedbackStatus.RecallRefused, "Văn bản đã được triển khai thực hiện");
        Assert.That(resumed, Is.EqualTo(new ReceivedDocumentState(FeedbackStatus.Assigned)));
        Assert.That(resumed.Apply(FeedbackStatus.InProgress).Current, Is.EqualTo(FeedbackStatus.InProgress));
    }
}
