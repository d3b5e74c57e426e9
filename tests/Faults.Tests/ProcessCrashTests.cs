namespace Platform.Faults.Tests;

/// <summary>kill -9 of each process in turn while clerks, leaders and specialists keep working through the gateway.</summary>
[Order(1)]
public sealed class ProcessCrashTests
{
    private static readonly string[] Victims = ["documents", "tasks", "portal", "gazette", "reporting", "gateway"];

    [Test]
    public async Task Killing_each_service_and_the_gateway_under_load_loses_nothing_and_does_nothing_twice()
    {
        var marker = Marker.New("K");
        var load = new OfficeLoad(FaultyPlatform.Client, marker, FaultyPlatform.Load);
        var faults = Victims.Select<string, Func<Task>>(victim => async () =>
        {
            FaultyPlatform.Platform.Kill(victim);
            await Task.Delay(TimeSpan.FromMilliseconds(500));
            await FaultyPlatform.Platform.RestartAsync(victim, FaultyPlatform.ReadyTimeout, CancellationToken.None);
        }).ToArray();

        await load.RunAsync(faults);

        await Reconciliation.AssertNothingLostNorDoubledAsync(load.Ledger, marker);
    }
}

public static class Marker
{
    /// <summary>A word no other test's documents contain, usable in a số, ký hiệu and found by search.</summary>
    public static string New(string prefix) => prefix + Guid.NewGuid().ToString("N")[..7].ToUpperInvariant();
}
