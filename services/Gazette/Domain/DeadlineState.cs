using Platform.ServiceDefaults;
using System.Text.Json.Serialization;

namespace Platform.Gazette.Domain;

/// <summary>Where a received document stands against its publishing deadline.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DeadlineState>))]
public enum DeadlineState
{
    OnTime = 0,
    /// <summary>Sắp đến hạn.</summary>
    DueSoon = 1,
    /// <summary>Quá hạn.</summary>
    Overdue = 2,
}

/// <summary>The two gazette deadlines of DOMAIN.md section 4, counted in working days.</summary>
public sealed class GazetteDeadlines(WorkingCalendar calendar, GazetteOptions options)
{
    /// <summary>The last day the issuing body may send the document (3 working days after signing).</summary>
    public DateOnly SendBy(DateOnly signed) => calendar.AddWorkingDays(signed, options.SendWithinWorkingDays);

    /// <summary>The last day the gazette may publish it (7 working days after receipt).</summary>
    public DateOnly PublishBy(DateOnly received) => calendar.AddWorkingDays(received, options.PublishWithinWorkingDays);

    public DeadlineState StateOn(DateOnly deadline, DateOnly today)
    {
        if (today > deadline) return DeadlineState.Overdue;
        return calendar.WorkingDaysBetween(today, deadline) <= options.DueSoonWorkingDays ? DeadlineState.DueSoon : DeadlineState.OnTime;
    }
}
