using Platform.Contracts;
using Platform.Contracts.Events;

namespace Platform.Reporting.Domain;

/// <summary>
/// What Reporting keeps of an event about a secret (mật) document or task. Reports count secret items
/// but show no text, and Reporting's store and outputs are not cleared for any level, so the event log
/// keeps a secret event without its subject, direction, content or notes, and with only the last group
/// of its number and code (45/UBND-KT keeps UBND-KT): that is all the fact projection reads, so a
/// rebuild from the log gives the same figures. Public events are kept as they came.
/// </summary>
public static class SecretRedaction
{
    /// <summary>What stands in for a removed text, so a reader of the log sees it was withheld, not empty.</summary>
    public const string Withheld = "[mật]";

    public static object Of(object @event) => @event switch
    {
        DocumentRegistered e when e.Secrecy != Secrecy.None => e with { Subject = Withheld, NumberAndCode = CodeGroupOnly(e.NumberAndCode) },
        DocumentAssigned e when e.Secrecy != Secrecy.None =>
            e with { Subject = Withheld, Direction = Withheld, NumberAndCode = CodeGroupOnly(e.NumberAndCode) },
        DocumentIssued e when e.Secrecy != Secrecy.None => e with { Subject = Withheld, NumberAndCode = CodeGroupOnly(e.NumberAndCode) },
        TaskCreated e when e.Secrecy != Secrecy.None => e with { Content = Withheld },
        TaskStatusChanged e when e.Secrecy != Secrecy.None && e.Note is not null => e with { Note = Withheld },
        _ => @event,
    };

    /// <summary>The part after the last "/": the type and issuer groups, without the number or anything before it.</summary>
    private static string CodeGroupOnly(string numberAndCode) => numberAndCode[(numberAndCode.LastIndexOf('/') + 1)..];
}
