using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Platform.Documents.Search.Lucene;

/// <summary>
/// Counts the values of a few single-valued doc-values fields over every match, segment by
/// segment with ordinals, turning ordinals into strings only once per segment. A segment's
/// ordinals are read into plain arrays once and kept while the segment lives: a query matching
/// most of the index then costs one array read per field and match instead of a packed
/// doc-values lookup (4 bytes per document and field).
/// </summary>
internal sealed class FacetCollector(IReadOnlyList<string> fields) : ICollector
{
    private static readonly ConditionalWeakTable<object, ConcurrentDictionary<string, int[]>> SegmentOrdinals = new();

    private readonly Dictionary<string, Dictionary<string, long>> _counts = fields.ToDictionary(f => f, _ => new Dictionary<string, long>());
    private SortedDocValues?[] _values = [];
    private int[][] _ordinals = [];
    private int[][] _ordinalCounts = [];

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer) { }

    public void SetNextReader(AtomicReaderContext context)
    {
        Flush();
        var reader = context.AtomicReader;
        var cached = SegmentOrdinals.GetValue(reader.CoreCacheKey, _ => new ConcurrentDictionary<string, int[]>());
        _values = fields.Select(reader.GetSortedDocValues).ToArray();
        _ordinals = fields.Select((f, i) => _values[i] is { } values ? cached.GetOrAdd(f, _ => Ordinals(values, reader.MaxDoc)) : []).ToArray();
        _ordinalCounts = _values.Select(v => new int[v?.ValueCount ?? 0]).ToArray();
    }

    private static int[] Ordinals(SortedDocValues values, int maxDoc)
    {
        var ordinals = new int[maxDoc];
        for (var doc = 0; doc < maxDoc; doc++) ordinals[doc] = values.GetOrd(doc);
        return ordinals;
    }

    public void Collect(int doc)
    {
        for (var i = 0; i < _ordinals.Length; i++)
        {
            var ordinals = _ordinals[i];
            if (doc >= ordinals.Length) continue;
            var ordinal = ordinals[doc];
            if (ordinal >= 0) _ordinalCounts[i][ordinal]++;
        }
    }

    public IReadOnlyDictionary<string, IReadOnlyList<FacetCount>> Result(int top)
    {
        Flush();
        return _counts.ToDictionary(
            f => f.Key,
            f => (IReadOnlyList<FacetCount>)f.Value.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal)
                .Take(top).Select(c => new FacetCount(c.Key, c.Value)).ToArray());
    }

    private void Flush()
    {
        var bytes = new BytesRef();
        for (var i = 0; i < _values.Length; i++)
        {
            var counts = _counts[fields[i]];
            for (var ordinal = 0; ordinal < _ordinalCounts[i].Length; ordinal++)
            {
                if (_ordinalCounts[i][ordinal] == 0) continue;
                _values[i]!.LookupOrd(ordinal, bytes);
                var value = bytes.Utf8ToString();
                counts[value] = counts.GetValueOrDefault(value) + _ordinalCounts[i][ordinal];
            }
        }
        _values = [];
        _ordinals = [];
        _ordinalCounts = [];
    }
}
