using Platform.Documents.Exchange;
using Platform.ServiceDefaults.Errors;

namespace Platform.Documents.Tests.Exchange;

public sealed class RecipientDeliveryTests
{
    private static readonly DateTime Now = new(2026, 11, 23, 3, 0, 0, DateTimeKind.Utc);

    private static RecipientDelivery Sent()
    {
        var delivery = new RecipientDelivery { RecipientCode = "000.00.03.H56" };
        delivery.DeliverySucceeded(Now);
        return delivery;
    }

    [Test]
    public void A_failed_delivery_is_visible_until_a_retry_succeeds()
    {
        var delivery = new RecipientDelivery { RecipientCode = "000.00.03.H56" };
        Assert.That(delivery.Status, Is.EqualTo(RecipientStatus.NotSent));
        delivery.DeliveryFailed("Connection refused", Now);
        delivery.DeliveryFailed("Connection refused", Now.AddMinutes(1));
        Assert.Multiple(() =>
        {
            Assert.That(delivery.Status, Is.EqualTo(RecipientStatus.Failed));
            Assert.That(delivery.Attempts, Is.EqualTo(2));
            Assert.That(delivery.LastError, Is.EqualTo("Connection refused"));
        });
        delivery.DeliverySucceeded(Now.AddMinutes(5));
        Assert.That((delivery.Status, delivery.Attempts, delivery.LastError), Is.EqualTo((RecipientStatus.Sent, 3, (string?)null)));
    }

    [Test]
    public void Each_feedback_code_moves_the_recipient_status_forward()
    {
        var delivery = Sent();
        var seen = new List<RecipientStatus>();
        foreach (var feedback in new[] { FeedbackStatus.Arrived, FeedbackStatus.Accepted, FeedbackStatus.Assigned, FeedbackStatus.InProgress, FeedbackStatus.Done })
        {
            Assert.That(delivery.ApplyFeedback(feedback, null, Now), Is.True);
            seen.Add(delivery.Status);
        }
        Assert.That(seen, Is.EqualTo(new[] { RecipientStatus.Arrived, RecipientStatus.Accepted, RecipientStatus.Assigned, RecipientStatus.InProgress, RecipientStatus.Done }));
    }

    [Test]
    public void Repeated_and_late_feedback_changes_nothing()
    {
        var delivery = Sent();
        delivery.ApplyFeedback(FeedbackStatus.Accepted, null, Now);
        Assert.That(delivery.ApplyFeedback(FeedbackStatus.Accepted, null, Now), Is.False);
        Assert.That(delivery.ApplyFeedback(FeedbackStatus.Arrived, null, Now), Is.False, "01 delivered after 03");
        Assert.That(delivery.Status, Is.EqualTo(RecipientStatus.Accepted));
    }

    [Test]
    public void Feedback_can_overtake_the_senders_own_record_of_delivery()
    {
        var delivery = new RecipientDelivery { RecipientCode = "000.00.03.H56" };
        delivery.DeliveryFailed("timeout", Now);
        delivery.ApplyFeedback(FeedbackStatus.Arrived, null, Now);
        delivery.DeliverySucceeded(Now);
        Assert.That(delivery.Status, Is.EqualTo(RecipientStatus.Arrived));
    }

    [Test]
    public void A_refusal_keeps_its_reason_and_ends_the_delivery()
    {
        var delivery = Sent();
        delivery.ApplyFeedback(FeedbackStatus.Arrived, null, Now);
        Assert.Throws<DomainRuleException>(() => delivery.ApplyFeedback(FeedbackStatus.Refused, null, Now));
        delivery.ApplyFeedback(FeedbackStatus.Refused, "Sai thể thức", Now);
        Assert.That((delivery.Status, delivery.Reason), Is.EqualTo((RecipientStatus.Refused, (string?)"Sai thể thức")));
        Assert.That(Assert.Throws<DomainRuleException>(() => delivery.ApplyFeedback(FeedbackStatus.Accepted, null, Now))!.Code, Is.EqualTo("illegal-feedback"));
        Assert.Throws<DomainRuleException>(() => delivery.RequestRecall(Now));
    }

    [Test]
    public void A_registered_document_can_still_be_returned_but_not_once_assigned()
    {
        var delivery = Sent();
        delivery.ApplyFeedback(FeedbackStatus.Accepted, null, Now);
        Assert.That(delivery.ApplyFeedback(FeedbackStatus.Refused, "Sai thể thức văn bản", Now));
        Assert.That((delivery.Status, delivery.Reason), Is.EqualTo((RecipientStatus.Refused, (string?)"Sai thể thức văn bản")));

        var assigned = Sent();
        assigned.ApplyFeedback(FeedbackStatus.Accepted, null, Now);
        assigned.ApplyFeedback(FeedbackStatus.Assigned, null, Now);
        Assert.That(Assert.Throws<DomainRuleException>(() => assigned.ApplyFeedback(FeedbackStatus.Refused, "muộn", Now))!.Code, Is.EqualTo("illegal-feedback"));
    }

    [Test]
    public void Code_13_never_comes_back_from_a_recipient()
    {
        Assert.Throws<DomainRuleException>(() => Sent().ApplyFeedback(FeedbackStatus.RecallRequested, null, Now));
    }

    [Test]
    public void A_recall_is_answered_with_15_or_16()
    {
        var accepted = Sent();
        accepted.RequestRecall(Now);
        Assert.That(accepted.ApplyFeedback(FeedbackStatus.RecallAccepted, null, Now), Is.True);
        Assert.That(accepted.ApplyFeedback(FeedbackStatus.RecallAccepted, null, Now), Is.False, "a repeated 15");
        Assert.That(accepted.Recall, Is.EqualTo(RecallState.Accepted));
        Assert.Throws<DomainRuleException>(() => accepted.RequestRecall(Now), "already recalled");

        var refused = Sent();
        refused.ApplyFeedback(FeedbackStatus.Done, null, Now);
        refused.RequestRecall(Now);
        refused.ApplyFeedback(FeedbackStatus.RecallRefused, "Đã thực hiện xong", Now);
        Assert.That((refused.Recall, refused.Reason, refused.Status), Is.EqualTo((RecallState.Refused, (string?)"Đã thực hiện xong", RecipientStatus.Done)));
    }

    [Test]
    public void An_answer_to_a_recall_nobody_asked_for_is_refused()
    {
        Assert.Throws<DomainRuleException>(() => Sent().ApplyFeedback(FeedbackStatus.RecallAccepted, null, Now));
    }

    [Test]
    public void Nothing_can_be_recalled_from_a_recipient_that_never_got_it()
    {
        var delivery = new RecipientDelivery { RecipientCode = "000.00.03.H56" };
        delivery.DeliveryFailed("timeout", Now);
        var error = Assert.Throws<DomainRuleException>(() => delivery.RequestRecall(Now));
        Assert.That(error!.Message, Does.Contain("Gửi lỗi"));
    }

    [Test]
    public void A_package_not_accepted_by_the_end_of_the_next_working_day_is_slow_to_accept()
    {
        var calendar = Platform.ServiceDefaults.WorkingCalendar.WeekendsOnly;
        var monday = Sent();
        var friday = new RecipientDelivery { RecipientCode = "000.00.03.H56" };
        friday.DeliverySucceeded(new DateTime(2026, 11, 27, 3, 0, 0, DateTimeKind.Utc));
        Assert.Multiple(() =>
        {
            Assert.That(monday.IsSlowToAccept(new DateOnly(2026, 11, 24), calendar), Is.False, "Tuesday is still in time");
            Assert.That(monday.IsSlowToAccept(new DateOnly(2026, 11, 25), calendar), Is.True);
            Assert.That(friday.IsSlowToAccept(new DateOnly(2026, 11, 30), calendar), Is.False, "the weekend does not count");
            Assert.That(friday.IsSlowToAccept(new DateOnly(2026, 12, 1), calendar), Is.True);
        });
        monday.ApplyFeedback(FeedbackStatus.Accepted, null, Now.AddDays(3));
        Assert.That(monday.IsSlowToAccept(new DateOnly(2026, 11, 26), calendar), Is.False, "accepted late is no longer waiting");
    }
}
