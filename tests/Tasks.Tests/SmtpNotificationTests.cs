using System.Text;
using MimeKit;
using Platform.Tasks.Domain;
using Platform.Tasks.Notifications;
using Platform.TestSupport;

namespace Platform.Tasks.Tests;

/// <summary>E-mail reminders reach a real SMTP listener, readable in Vietnamese by any mail client.</summary>
public sealed class SmtpNotificationTests
{
    private const string Text = "Nhiệm vụ \"Tham mưu triển khai Nghị quyết của HĐND tỉnh\" sắp đến hạn 30/11/2026 (còn 3 ngày làm việc).";

    private static SmtpOptions Options(int port) => new()
    {
        Host = "127.0.0.1",
        Port = port,
        EnableSsl = false,
        From = "nhacviec@ubnd.example.vn",
        UnitAddresses = { ["SKHĐT"] = "vanphong.skhdt@example.vn" },
    };

    [Test]
    public async Task A_reminder_arrives_with_its_Vietnamese_subject_and_text_encoded_for_the_wire()
    {
        await using var server = new SmtpTestServer();
        var sender = new SmtpNotificationSender(Microsoft.Extensions.Options.Options.Create(Options(server.Port)));

        await sender.SendAsync("SKHĐT", Text, CancellationToken.None);

        var mail = await server.NextAsync();
        Assert.That(mail.From, Is.EqualTo("nhacviec@ubnd.example.vn"));
        Assert.That(mail.To, Is.EqualTo(new[] { "vanphong.skhdt@example.vn" }));
        Assert.That(mail.Message.Subject, Is.EqualTo(SmtpNotificationSender.Subject));
        Assert.That(mail.Message.TextBody?.TrimEnd(), Is.EqualTo(Text));
        // On the wire the subject is an RFC 2047 encoded word in UTF-8, pure ASCII, never raw 8-bit bytes.
        var raw = Encoding.Latin1.GetString(mail.Message.Headers.First(h => h.Id == HeaderId.Subject).RawValue);
        Assert.That(raw.All(c => c < 128), Is.True, raw);
        Assert.That(raw, Does.Contain("=?utf-8?").IgnoreCase, raw);
        Assert.That(((TextPart)mail.Message.BodyParts.Single()).ContentType.Charset, Is.EqualTo("utf-8").IgnoreCase);
    }

    [Test]
    public void A_unit_without_a_mailbox_fails_the_send_so_the_dispatcher_retries_it()
    {
        var sender = new SmtpNotificationSender(Microsoft.Extensions.Options.Options.Create(Options(FreePorts.Next())));
        Assert.ThrowsAsync<InvalidOperationException>(() => sender.SendAsync("SYT", Text, CancellationToken.None));
    }

    [Test]
    public async Task A_task_becoming_due_soon_sends_one_e_mail_to_its_lead_unit_through_the_service()
    {
        await using var server = new SmtpTestServer();
        using var factory = new TasksFactory(DatabaseKind.Sqlite, new Dictionary<string, string>
        {
            ["Tasks:Notifications:Sender"] = "smtp",
            ["Tasks:NotificationPollInterval"] = "00:00:00.200",
            ["Tasks:Smtp:Host"] = "127.0.0.1",
            ["Tasks:Smtp:Port"] = server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Tasks:Smtp:EnableSsl"] = "false",
            ["Tasks:Smtp:From"] = "nhacviec@ubnd.example.vn",
            ["Tasks:Smtp:UnitAddresses:SKHĐT"] = "vanphong.skhdt@example.vn",
        });
        Assert.That(factory.Services.GetService(typeof(INotificationSender)), Is.TypeOf<SmtpNotificationSender>());
        var id = Guid.NewGuid();
        (await factory.Task(id).Create(new NewTask(id, null, null, "Tham mưu triển khai Nghị quyết của HĐND tỉnh", "SKHĐT", [], new DateOnly(2026, 11, 30), "lanhdao", Contracts.Secrecy.None))).TaskOrThrow();
        factory.Clock.SetUtcNow(TaskClock.StartOf(new DateOnly(2026, 11, 25)).AddHours(8));
        await factory.Task(id).CheckDeadline();
        await factory.Task(id).CheckDeadline();

        var mail = await server.NextAsync();
        Assert.That(mail.To, Is.EqualTo(new[] { "vanphong.skhdt@example.vn" }));
        Assert.That(mail.Message.Subject, Is.EqualTo(SmtpNotificationSender.Subject));
        Assert.That(mail.Message.TextBody, Does.Contain("sắp đến hạn 30/11/2026"));
        // Ticked twice, sent once: no second message follows.
        Assert.ThrowsAsync<OperationCanceledException>(() => server.NextAsync(TimeSpan.FromSeconds(1)));
    }
}
