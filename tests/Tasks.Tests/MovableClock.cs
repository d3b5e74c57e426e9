namespace Platform.Tasks.Tests;

/// <summary>
/// The task rules' clock in tests, set to any instant, backwards too, so one cluster serves many
/// tests. Only the rules read it; Orleans keeps the real clock for its own timers.
/// </summary>
public sealed class MovableClock(DateTimeOffset start) : TimeProvider
{
    private long _ticks = start.UtcTicks;

    public void SetUtcNow(DateTimeOffset value) => Interlocked.Exchange(ref _ticks, value.UtcTicks);

    public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);
}
