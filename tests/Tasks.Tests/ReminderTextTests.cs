using Platform.Contracts;
using Platform.Tasks.Domain;

namespace Platform.Tasks.Tests;

/// <summary>What a reminder may say: a public task's content, a secret task's level and id only.</summary>
public sealed class ReminderTextTests
{
    private const string Content = "Rà soát phương án bảo vệ mục tiêu trọng yếu trên địa bàn tỉnh";
    private static readonly DateOnly Due = new(2026, 11, 30);

    private static TaskRecord Task(Secrecy secrecy) => TaskRecord.Create(new NewTask(
        Guid.NewGuid(), Guid.NewGuid(), "12/CA-PV01", Content, "CA", ["QS"], Due, "lanhdao", secrecy),
        new DateTimeOffset(2026, 11, 23, 2, 0, 0, TimeSpan.Zero));

    [Test]
    public void A_public_task_reminder_quotes_its_content()
    {
        var task = Task(Secrecy.None);
        Assert.That(ReminderText.DueSoon(task, Due, 3), Is.EqualTo($"Nhiệm vụ \"{Content}\" sắp đến hạn 30/11/2026 (còn 3 ngày làm việc)."));
        Assert.That(ReminderText.Overdue(task, Due), Is.EqualTo($"Nhiệm vụ \"{Content}\" đã quá hạn 30/11/2026."));
    }

    [Test]
    public void A_long_content_is_cut_in_a_public_reminder()
    {
        var task = Task(Secrecy.None);
        task.Content = new string('x', 300);
        Assert.That(ReminderText.Overdue(task, Due), Does.Contain("\"" + new string('x', ReminderText.MaxQuoted - 3) + "...\""));
    }

    [TestCase(Secrecy.Confidential, "Mật")]
    [TestCase(Secrecy.Secret, "Tối mật")]
    [TestCase(Secrecy.TopSecret, "Tuyệt mật")]
    public void A_secret_task_reminder_names_its_level_and_id_and_never_its_content_or_source(Secrecy secrecy, string level)
    {
        var task = Task(secrecy);
        var texts = new[] { ReminderText.DueSoon(task, Due, 3), ReminderText.Overdue(task, Due) };
        Assert.Multiple(() =>
        {
            foreach (var text in texts)
            {
                Assert.That(text, Does.StartWith($"Nhiệm vụ mật ({level}) số {task.Id} "));
                Assert.That(text, Does.Contain("30/11/2026"));
                Assert.That(text, Does.Not.Contain("Rà soát").And.Not.Contain("mục tiêu").And.Not.Contain("12/CA-PV01"));
            }
            Assert.That(texts[0], Does.Contain("sắp đến hạn 30/11/2026 (còn 3 ngày làm việc)"));
            Assert.That(texts[1], Does.Contain("đã quá hạn 30/11/2026"));
        });
    }
}
