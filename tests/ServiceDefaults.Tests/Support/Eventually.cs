namespace Platform.ServiceDefaults.Tests.Support;

/// <summary>Waits for something a background service does, failing with a message that says what never happened.</summary>
public static class Eventually
{
    public static async Task<T> Returns<T>(Func<Task<T>> probe, Func<T, bool> done, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            var value = await probe();
            if (done(value)) return value;
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Timed out waiting until {what}; last value: {value}");
            }
            await Task.Delay(50);
        }
    }

    public static Task True(Func<Task<bool>> probe, string what, TimeSpan? timeout = null) =>
        Returns(probe, ok => ok, what, timeout);
}
