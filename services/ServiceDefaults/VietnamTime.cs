namespace Platform.ServiceDefaults;

/// <summary>
/// Times are stored in UTC and shown in Asia/Ho_Chi_Minh; the calendar day of a document
/// (its year, its "same day" deadline) is the day in Vietnam, not in UTC.
/// </summary>
public static class VietnamTime
{
    public static readonly TimeZoneInfo Zone = FindZone();

    public static DateTimeOffset ToLocal(DateTimeOffset utc) => TimeZoneInfo.ConvertTime(utc, Zone);

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(ToLocal(clock.GetUtcNow()).DateTime);

    // Vietnam has kept UTC+7 without daylight saving since 1975; the fixed zone stands in
    // where the OS has no tz database (minimal containers).
    private static TimeZoneInfo FindZone()
    {
        try { return TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh"); }
        catch (TimeZoneNotFoundException) { return TimeZoneInfo.CreateCustomTimeZone("ICT", TimeSpan.FromHours(7), "Indochina Time", "ICT"); }
    }
}
