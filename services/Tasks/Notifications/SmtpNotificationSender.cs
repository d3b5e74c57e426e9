using System.Net.Mail;
using System.Text;
using Microsoft.Extensions.Options;

namespace Platform.Tasks.Notifications;

/// <summary>Configuration of the e-mail sender (<c>Tasks:Smtp</c>): the server and each unit's mailbox.</summary>
public sealed class SmtpOptions
{
    public const string Section = "Tasks:Smtp";
    public string Host { get; set; } = "";
    public int Port { get; set; } = 25;
    public bool EnableSsl { get; set; } = true;
    public string From { get; set; } = "";
    /// <summary>Unit code to its office mailbox.</summary>
    public Dictionary<string, string> UnitAddresses { get; set; } = [];
}

/// <summary>E-mail reminders through an SMTP relay; chosen with <c>Tasks:Notifications:Sender</c> = <c>smtp</c>.</summary>
public sealed class SmtpNotificationSender(IOptions<SmtpOptions> options) : INotificationSender
{
    public const string Subject = "Nhắc việc: nhiệm vụ được giao";

    public async Task SendAsync(string recipientUnit, string text, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.UnitAddresses.TryGetValue(recipientUnit, out var address))
            throw new InvalidOperationException($"No e-mail address configured for unit {recipientUnit}.");
        using var client = new SmtpClient(settings.Host, settings.Port) { EnableSsl = settings.EnableSsl };
        // UTF-8 named outright: the subject goes out as RFC 2047 encoded words and the body with a
        // charset, so every mail client shows the diacritics rather than guessing an encoding.
        using var message = new MailMessage(settings.From, address, Subject, text)
        {
            SubjectEncoding = Encoding.UTF8,
            BodyEncoding = Encoding.UTF8,
            HeadersEncoding = Encoding.UTF8,
        };
        await client.SendMailAsync(message, cancellationToken);
    }
}
