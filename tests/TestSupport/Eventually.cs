namespace Platform.TestSupport;

/// <summary>
/// Waits for an eventually consistent read (a consumer handling an event) to show what a
/// test expects, instead of sleeping a guessed time.
/// </summary>
public static class Eventually
{
    /// <summary>Reads until the condition holds and returns that read; fails with the last read after the timeout.</summary>
    public static async Task<T> UntilAsync<T>(Func<Task<T>> read, Func<T, bool> condition, TimeSpan? timeout = null, string? what = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (true)
        {
            var value = await read();
            if (condition(value)) return value;
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Still not {what ?? "as expected"} after waiting; last read: {value}");
            }
            await Task.Delay(50);
        }
    }

    /// <summary>Reads until <paramref name="done"/> holds; <paramref name="what"/> says what never happened if it times out.</summary>
    public static Task<T> Returns<T>(Func<Task<T>> probe, Func<T, bool> done, string what, TimeSpan? timeout = null) =>
        UntilAsync(probe, done, timeout ?? TimeSpan.FromSeconds(20), what);

    public static Task True(Func<Task<bool>> probe, string what, TimeSpan? timeout = null) =>
        Returns(probe, ok => ok, what, timeout);
}
