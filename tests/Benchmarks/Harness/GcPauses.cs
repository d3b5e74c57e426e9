using System.Collections.Concurrent;
using System.Diagnostics.Tracing;
using System.Globalization;

namespace Platform.Benchmarks.Harness;

/// <summary>
/// Every garbage collection while it listens: its generation, how long it ran (GC start to GC end,
/// from the runtime's own events) and how many bytes it promoted. A latency tail is set by the
/// longest pauses, not the total the process counters give, and a pause's length follows what
/// survives it, so the summary puts the two side by side.
/// </summary>
public sealed class GcPauses : EventListener
{
    private const string RuntimeSource = "Microsoft-Windows-DotNETRuntime";
    private const long GcKeyword = 0x1;

    private readonly ConcurrentQueue<Collection> _collections = new();
    private long _startTicks;
    private int _generation;
    private double _pauseMs = -1;
    private volatile bool _recording;

    private readonly record struct Collection(int Generation, double PauseMs, long PromotedBytes);

    /// <summary>Starts recording afresh; what came before is dropped.</summary>
    public void Restart()
    {
        _collections.Clear();
        _recording = true;
    }

    /// <summary>Pauses by generation: how many, median, 90th percentile, longest; and the median promoted per collection.</summary>
    public string Summary()
    {
        _recording = false;
        var collections = _collections.ToArray();
        var byGeneration = collections.GroupBy(c => c.Generation).OrderBy(g => g.Key).Select(g => string.Create(CultureInfo.InvariantCulture,
            $"gen{g.Key} {g.Count()}× pause median {Measurement.Percentile(g.Select(c => c.PauseMs), 0.5):0.0} ms, p90 {Measurement.Percentile(g.Select(c => c.PauseMs), 0.9):0.0} ms, max {g.Max(c => c.PauseMs):0.0} ms, promoted median {Measurement.Percentile(g.Select(c => (double)c.PromotedBytes), 0.5) / 1024:0} KB"));
        return collections.Length == 0 ? "no collections" : string.Join(", ", byGeneration);
    }

    protected override void OnEventSourceCreated(EventSource source)
    {
        // Informational: start, end and heap statistics, without the allocation ticks (Verbose) that
        // would fire every 100 KB and cost the process being measured.
        if (source.Name == RuntimeSource) EnableEvents(source, EventLevel.Informational, (EventKeywords)GcKeyword);
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (!_recording || e.Payload is not { } payload) return;
        switch (e.EventName)
        {
            case "GCStart_V2":
                _startTicks = e.TimeStamp.Ticks;
                _generation = Convert.ToInt32(payload[1], CultureInfo.InvariantCulture);
                break;
            case "GCEnd_V1" when _startTicks != 0:
                _pauseMs = TimeSpan.FromTicks(e.TimeStamp.Ticks - _startTicks).TotalMilliseconds;
                _startTicks = 0;
                break;
            case "GCHeapStats_V2" when _pauseMs >= 0:
                // The runtime writes the heap statistics after the end event. Promoted out of gen0,
                // gen1 and gen2 (a gen0 collection promotes only out of gen0).
                var promoted = Convert.ToInt64(payload[1], CultureInfo.InvariantCulture) + Convert.ToInt64(payload[3], CultureInfo.InvariantCulture)
                    + Convert.ToInt64(payload[5], CultureInfo.InvariantCulture);
                _collections.Enqueue(new Collection(_generation, _pauseMs, promoted));
                _pauseMs = -1;
                break;
        }
    }
}
