using System.Collections.Concurrent;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Platform.ServiceDefaults.Storage;
using Directory = Lucene.Net.Store.Directory;

namespace Platform.Documents.Search.Lucene;

/// <summary>
/// The embedded engine: a Lucene.Net index in a folder. One writer for the process; every
/// IndexAsync returns only after its documents are searchable (the near-real-time searcher was
/// refreshed) and durable (committed), so the event that caused it can then be marked handled.
/// Concurrent callers share one refresh and commit (<see cref="GroupCommit"/>).
/// </summary>
public sealed class LuceneDocumentSearch : IDocumentSearch, IDisposable
{
    /// <summary>An exact-diacritic match outweighs a folded-only one (`bão` above `bao`).</summary>
    public const float ExactBoost = 4f;

    private readonly Directory _directory;
    private readonly Analyzer _exact = VietnameseAnalyzers.Exact();
    private readonly Analyzer _folded = VietnameseAnalyzers.Folded();
    private readonly IndexWriter _writer;
    private readonly SearcherManager _searchers;
    private readonly GroupCommit _groupCommit;
    private readonly ConcurrentDictionary<SearchScope, Filter> _scopeFilters = new();

    public LuceneDocumentSearch(string folder)
    {
        System.IO.Directory.CreateDirectory(folder);
        _directory = FSDirectory.Open(folder);
        var analyzer = new PerFieldAnalyzerWrapper(_exact, new Dictionary<string, Analyzer> { [LuceneFields.TextFolded] = _folded });
        _writer = new IndexWriter(_directory, new IndexWriterConfig(VietnameseAnalyzers.Version, analyzer)
        {
            OpenMode = OpenMode.CREATE_OR_APPEND,
            RAMBufferSizeMB = 64,
            // Every batch is flushed as a segment (it must be searchable and durable when IndexAsync
            // returns); packing each one into a compound file as well would copy it once more.
            UseCompoundFile = false,
            MergePolicy = new TieredMergePolicy { NoCFSRatio = 0.0 },
        });
        _searchers = new SearcherManager(_writer, applyAllDeletes: true, searcherFactory: null);
        _groupCommit = new GroupCommit(() =>
        {
            // Searchable first (a near-real-time reader sees the writer's buffer), durable second.
            _searchers.MaybeRefreshBlocking();
            _writer.Commit();
            return Task.CompletedTask;
        });
    }

    /// <summary>Commits run so far; a burst of concurrent callers shares one.</summary>
    public long Commits => _groupCommit.Commits;

    public async Task IndexAsync(IReadOnlyCollection<SearchDocument> documents, CancellationToken cancellationToken)
    {
        if (documents.Count == 0) return;
        // IndexWriter takes documents from several threads at once (one segment buffer each); a
        // rebuild or a burst of events uses every core for analysis. One worker per core, each on
        // its own run of documents: more threads than cores (the pool grows when they block) only
        // queue up on the writer's per-thread buffers and flush lock, which a profile showed
        // costing more than the analysis itself.
        if (documents.Count >= 256)
        {
            var all = documents as IReadOnlyList<SearchDocument> ?? documents.ToArray();
            var workers = Math.Max(1, Environment.ProcessorCount);
            var options = new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = workers };
            Parallel.ForEach(Partitioner.Create(0, all.Count, (all.Count + workers - 1) / workers), options, range =>
            {
                for (var i = range.Item1; i < range.Item2; i++) Upsert(all[i]);
            });
        }
        else
        {
            foreach (var document in documents) Upsert(document);
        }
        await CommitAsync(cancellationToken);
    }

    private void Upsert(SearchDocument document) =>
        _writer.UpdateDocument(new Term(LuceneFields.Id, document.Id.ToString()), LuceneFields.ToLucene(document));

    public async Task DeleteAsync(Guid id, CancellationToken cancellationToken)
    {
        _writer.DeleteDocuments(new Term(LuceneFields.Id, id.ToString()));
        await CommitAsync(cancellationToken);
    }

    public async Task ClearAsync(CancellationToken cancellationToken)
    {
        _writer.DeleteAll();
        await CommitAsync(cancellationToken);
    }

    private Task CommitAsync(CancellationToken cancellationToken) => _groupCommit.CommitAsync(cancellationToken);

    public Task<SearchDocument?> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        var searcher = _searchers.Acquire();
        try
        {
            var top = searcher.Search(new TermQuery(new Term(LuceneFields.Id, id.ToString())), 1);
            return Task.FromResult(top.TotalHits == 0 ? null : LuceneFields.FromLucene(searcher.Doc(top.ScoreDocs[0].Doc)));
        }
        finally
        {
            _searchers.Release(searcher);
        }
    }

    public Task<SearchResults> SearchAsync(SearchQuery query, SearchScope scope, CancellationToken cancellationToken)
    {
        var text = QueryText.Parse(query.Text);
        var match = Match(text);
        var filters = Filters(query);
        if (filters.Clauses.Count > 0) match = new FilteredQuery(match, new QueryWrapperFilter(filters));
        var lucene = new FilteredQuery(match, ScopeFilter(scope));
        var searcher = _searchers.Acquire();
        try
        {
            var top = TopScoreDocCollector.Create(query.Skip + query.Size, docsScoredInOrder: false);
            var facets = new FacetCollector(Facets.All.Select(f => LuceneFields.FacetFields[f]).ToArray());
            searcher.Search(lucene, MultiCollector.Wrap(top, facets));
            var hits = top.GetTopDocs(query.Skip, query.Size).ScoreDocs.Select(hit =>
            {
                // The body is read for the page's hits only, for their snippets.
                var document = LuceneFields.FromLucene(searcher.Doc(hit.Doc));
                return new SearchHit(document, hit.Score, Highlighter.Highlight(document.Subject, text), Highlighter.Snippets(document.Body, text));
            }).ToArray();
            var counts = facets.Result(top: 20);
            var named = Facets.All.ToDictionary(f => f, f => counts[LuceneFields.FacetFields[f]]);
            return Task.FromResult(new SearchResults(top.TotalHits, hits, named));
        }
        finally
        {
            _searchers.Release(searcher);
        }
    }

    private Query Match(QueryText text)
    {
        if (text.Code is { } code)
        {
            return new BooleanQuery
            {
                { new TermQuery(new Term(LuceneFields.Code, code)) { Boost = ExactBoost }, Occur.SHOULD },
                { new TermQuery(new Term(LuceneFields.CodeFolded, VietnameseText.Fold(code))), Occur.SHOULD },
            };
        }
        if (text.Clauses.Count == 0) return new MatchAllDocsQuery();
        // Every word (or phrase) must match folded; its exact spelling only adds to the score. The
        // exact field holds the heading, which the folded field holds too at the same positions,
        // so an exact match is always a folded one and "folded, plus exact if present" finds the
        // same documents as "folded or exact". Flat, the query walks the conjunction of folded
        // postings and looks at the exact postings only for documents that matched; nested
        // per-word disjunctions stepped both fields' postings for every candidate.
        var all = new BooleanQuery();
        foreach (var clause in text.Clauses)
        {
            var words = string.Join(' ', clause.Words);
            var folded = FieldQuery(LuceneFields.TextFolded, Tokens(_folded, words));
            if (folded is null) continue;
            all.Add(folded, Occur.MUST);
            if (FieldQuery(LuceneFields.Text, Tokens(_exact, words)) is { } exact)
            {
                exact.Boost = ExactBoost;
                all.Add(exact, Occur.SHOULD);
            }
        }
        return all.Clauses.Count == 0 ? new MatchAllDocsQuery() : all;
    }

    private static Query? FieldQuery(string field, IReadOnlyList<string> tokens)
    {
        if (tokens.Count == 0) return null;
        if (tokens.Count == 1) return new TermQuery(new Term(field, tokens[0]));
        var phrase = new PhraseQuery();
        foreach (var token in tokens) phrase.Add(new Term(field, token));
        return phrase;
    }

    private static List<string> Tokens(Analyzer analyzer, string text)
    {
        var tokens = new List<string>();
        using var stream = analyzer.GetTokenStream("q", text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken()) tokens.Add(term.ToString());
        stream.End();
        return tokens;
    }

    /// <summary>
    /// Security trimming: the same rule as DocumentAccess, as a filter inside the query (never
    /// after paging). Callers share a few scopes, so each scope's bit set is cached per segment.
    /// </summary>
    private Filter ScopeFilter(SearchScope scope)
    {
        if (_scopeFilters.TryGetValue(scope, out var cached)) return cached;
        var trim = new BooleanQuery
        {
            { NumericRangeQuery.NewInt32Range(LuceneFields.Secrecy, 0, scope.PublicOnly ? 0 : (int)scope.Clearance, true, true), Occur.MUST },
        };
        if (scope.PublicOnly)
        {
            trim.Add(new TermQuery(new Term(LuceneFields.Public, "true")), Occur.MUST);
            trim.Add(new TermQuery(new Term(LuceneFields.FacetFields[Facets.Status], SearchStatuses.Issued)), Occur.MUST);
        }
        else if (!scope.SeesAllUnits)
        {
            trim.Add(new TermQuery(new Term(LuceneFields.Units, scope.UnitOrNone)), Occur.MUST);
        }
        if (_scopeFilters.Count > 10_000) _scopeFilters.Clear();
        return _scopeFilters[scope] = new BitSetCachingFilter(new QueryWrapperFilter(trim));
    }

    /// <summary>
    /// Caches a filter per segment as a plain bit set rather than Lucene's default compressed
    /// set: a bit set answers "is this document allowed?" directly, so FilteredQuery hands it to
    /// the query as accepted documents and keeps the fast bulk scorer, instead of stepping the
    /// query and the filter along each other document by document. One bit per document.
    /// </summary>
    private sealed class BitSetCachingFilter(Filter filter) : CachingWrapperFilter(filter)
    {
        protected override DocIdSet CacheImpl(DocIdSetIterator iterator, AtomicReader reader)
        {
            var bits = new FixedBitSet(reader.MaxDoc);
            bits.Or(iterator);
            return bits;
        }
    }

    private static BooleanQuery Filters(SearchQuery query)
    {
        var filters = new BooleanQuery();
        void Must(Query q) => filters.Add(q, Occur.MUST);
        void Keyword(string facet, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value)) Must(new TermQuery(new Term(LuceneFields.FacetFields[facet], value.Nfc())));
        }

        Keyword(Facets.Type, query.DocumentType);
        Keyword(Facets.IssuingBody, query.IssuingBody);
        Keyword(Facets.Status, query.Status);
        Keyword(Facets.Urgency, query.Urgency?.ToString());
        if (!string.IsNullOrWhiteSpace(query.Unit)) Must(new TermQuery(new Term(LuceneFields.Units, query.Unit.Nfc())));
        if (query.From is not null || query.To is not null)
        {
            Must(NumericRangeQuery.NewInt32Range(LuceneFields.Date,
                query.From is { } from ? LuceneFields.DateKey(from) : null,
                query.To is { } to ? LuceneFields.DateKey(to) : null, true, true));
        }
        return filters;
    }

    public void Dispose()
    {
        _searchers.Dispose();
        _writer.Dispose();
        _directory.Dispose();
        _exact.Dispose();
        _folded.Dispose();
    }
}
