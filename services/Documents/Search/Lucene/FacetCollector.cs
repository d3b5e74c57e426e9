using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Platform.Documents.Search.Lucene;

/// <summary>
/// Counts the values of a few single-valued doc-values fields over every match, segment by
/// segment with ordinals (cheap), turning ordinals into strings only once per segment.
/// </summary>
internal sealed class FacetCollector(IReadOnlyList<string> fields) : ICollector
{
    private readonly Dictionary<string, Dictionary<string, long>> _counts = fields.ToDictionary(f => f, _ => new Dictionary<string, long>());
    private SortedDocValues?[] _values = [];
    private int[][] _ordinalCounts = [];

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer) { }

    public void SetNextReader(AtomicReaderContext context)
    {
        Flush();
        _values = fields.Select(f => context.AtomicReader.GetSortedDocValues(f)).ToArray();
        _ordinalCounts = _values.Select(v => new int[v?.ValueCount ?? 0]).ToArray();
    }

    public void Collect(int doc)
    {
        for (var i = 0; i < _values.Length; i++)
        {
            var ordinal = _values[i]?.GetOrd(doc) ?? -1;
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
        _ordinalCounts = [];
    }
}
