namespace Platform.Documents.Exchange;

/// <summary>
/// When to try an unreachable recipient again: doubling waits from <paramref name="first"/> up to
/// <paramref name="longest"/>, so a receiver down for a day is still reached without hammering it.
/// </summary>
public sealed class RetrySchedule(TimeSpan first, TimeSpan longest)
{
    public static RetrySchedule Default { get; } = new(TimeSpan.FromSeconds(30), TimeSpan.FromHours(1));

    /// <summary>The wait after the given number of failed attempts (1 for the first failure).</summary>
    public TimeSpan After(int failedAttempts)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(failedAttempts, 1);
        // Capping the exponent keeps the shift from overflowing after many failures.
        var factor = Math.Pow(2, Math.Min(failedAttempts - 1, 30));
        var wait = first.TotalMilliseconds * factor;
        return wait >= longest.TotalMilliseconds ? longest : TimeSpan.FromMilliseconds(wait);
    }

    public DateTime NextAttemptUtc(DateTime failedAtUtc, int failedAttempts) => failedAtUtc + After(failedAttempts);
}
