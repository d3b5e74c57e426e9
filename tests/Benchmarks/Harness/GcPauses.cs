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
/// <remarks>
/// Each pause is also split by the runtime's mark events into two parts: marking through the cards
/// of older objects (objects that were changed to point at younger ones since they were last
/// collected) and the work after marking (plan, relocate, compact). On the task silo these two are
/// nearly all of a young collection, and neither follows the bytes promoted: the first follows how
/// many old objects each update writes to, the second how many references must be fixed.
/// </remarks>
public sealed class GcPauses : EventListener
{
    private const string RuntimeSource = "Microsoft-Windows-DotNETRuntime";
    private const long GcKeyword = 0x1;
    // GC_ROOT_KIND in the runtime's GCMarkWithType event: roots found through the card table.
    private const int OlderGenerationRoots = 3;

    private readonly ConcurrentQueue<Collection> _collections = new();

    private long _startTicks;
    private long _lastMarkTicks;
    private int _generation;
    private double _pauseMs = -1;
    private double _cardsMs;
    private double _afterMarkMs;
    private volatile bool _recording;

    private readonly record struct Collection(int Generation, double PauseMs, long PromotedBytes, double CardsMs, double AfterMarkMs);

    /// <summary>Starts recording afresh; what came before is dropped.</summary>
    public void Restart()
    {
        _collections.Clear();
        _recording = true;
    }

    /// <summary>
    /// Pauses by generation: how many, median, 90th percentile, longest; the median promoted per
    /// collection; and the medians of card marking and of the work after marking.
    /// </summary>
    public string Summary()
    {
        _recording = false;
        var collections = _collections.ToArray();
        var byGeneration = collections.GroupBy(c => c.Generation).OrderBy(g => g.Key).Select(g => string.Create(CultureInfo.InvariantCulture,
            $"gen{g.Key} {g.Count()}× pause median {Measurement.Percentile(g.Select(c => c.PauseMs), 0.5):0.0} ms, p90 {Measurement.Percentile(g.Select(c => c.PauseMs), 0.9):0.0} ms, max {g.Max(c => c.PauseMs):0.0} ms, promoted median {Measurement.Percentile(g.Select(c => (double)c.PromotedBytes), 0.5) / 1024:0} KB, of a pause: marking through old objects' cards median {Measurement.Percentile(g.Select(c => c.CardsMs), 0.5):0.0} ms, after marking (plan, compact) median {Measurement.Percentile(g.Select(c => c.AfterMarkMs), 0.5):0.0} ms"));
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
                _startTicks = _lastMarkTicks = e.TimeStamp.Ticks;
                _generation = Convert.ToInt32(payload[1], CultureInfo.InvariantCulture);
                _cardsMs = 0;
                break;
            case "GCMarkWithType" when _startTicks != 0:
                // Written as each kind of root is done, so a kind's time runs from the one before it.
                if (Convert.ToInt32(payload[2], CultureInfo.InvariantCulture) == OlderGenerationRoots)
                {
                    _cardsMs += TimeSpan.FromTicks(e.TimeStamp.Ticks - _lastMarkTicks).TotalMilliseconds;
                }
                _lastMarkTicks = e.TimeStamp.Ticks;
                break;
            case "GCEnd_V1" when _startTicks != 0:
                _pauseMs = TimeSpan.FromTicks(e.TimeStamp.Ticks - _startTicks).TotalMilliseconds;
                _afterMarkMs = TimeSpan.FromTicks(e.TimeStamp.Ticks - _lastMarkTicks).TotalMilliseconds;
                _startTicks = 0;
                break;
            case "GCHeapStats_V2" when _pauseMs >= 0:
                // The runtime writes the heap statistics after the end event. Promoted out of gen0,
                // gen1 and gen2 (a gen0 collection promotes only out of gen0).
                var promoted = Convert.ToInt64(payload[1], CultureInfo.InvariantCulture) + Convert.ToInt64(payload[3], CultureInfo.InvariantCulture)
                    + Convert.ToInt64(payload[5], CultureInfo.InvariantCulture);
                _collections.Enqueue(new Collection(_generation, _pauseMs, promoted, _cardsMs, _afterMarkMs));
                _pauseMs = -1;
                break;
        }
    }
}
