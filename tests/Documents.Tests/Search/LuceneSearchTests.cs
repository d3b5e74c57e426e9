using System.Text;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Platform.Contracts;
using Platform.Documents.Search;
using Platform.Documents.Search.Lucene;
using static Platform.Documents.Tests.Search.SearchSamples;

namespace Platform.Documents.Tests.Search;

/// <summary>Vietnamese behaviour of the embedded engine, each rule on a fresh index.</summary>
public sealed class LuceneSearchTests
{
    private string _folder = null!;
    private LuceneDocumentSearch _search = null!;

    [SetUp]
    public void Open()
    {
        _folder = Path.Combine(Path.GetTempPath(), "platform-search-tests", Guid.NewGuid().ToString("N"));
        _search = new LuceneDocumentSearch(_folder);
    }

    [TearDown]
    public void Close()
    {
        _search.Dispose();
        System.IO.Directory.Delete(_folder, recursive: true);
    }

    private async Task<SearchResults> Index(string text, params SearchDocument[] documents)
    {
        await _search.IndexAsync(documents, CancellationToken.None);
        return await _search.SearchAsync(new SearchQuery { Text = text }, Everyone, CancellationToken.None);
    }

    private static IEnumerable<Guid> Ids(SearchResults results) => results.Hits.Select(h => h.Document.Id);

    [Test]
    public async Task Words_typed_without_diacritics_find_the_document_with_them()
    {
        var plan = Document("Quyết định phê duyệt kế hoạch cải cách hành chính năm 2026");
        var other = Document("Công văn về việc tổ chức hội nghị");
        var results = await Index("quyet dinh ke hoach", plan, other);
        Assert.That(Ids(results), Is.EqualTo(new[] { plan.Id }));
    }

    [Test]
    public async Task Decomposed_input_finds_composed_text_and_the_other_way_round()
    {
        var composed = Document("Kế hoạch phòng chống thiên tai");
        var decomposed = Document("Thông báo lịch tiếp công dân".Normalize(NormalizationForm.FormD));
        await _search.IndexAsync([composed, decomposed], CancellationToken.None);
        var byNfd = await _search.SearchAsync(new SearchQuery { Text = "thiên tai".Normalize(NormalizationForm.FormD) }, Everyone, CancellationToken.None);
        var byNfc = await _search.SearchAsync(new SearchQuery { Text = "tiếp công dân" }, Everyone, CancellationToken.None);
        Assert.That(Ids(byNfd), Is.EqualTo(new[] { composed.Id }));
        Assert.That(Ids(byNfc), Is.EqualTo(new[] { decomposed.Id }));
        Assert.That(byNfc.Hits[0].Document.Subject.IsNormalized(NormalizationForm.FormC), "stored composed");
    }

    [Test]
    public async Task D_with_stroke_folds_to_d_in_both_cases()
    {
        var document = Document("ĐẦU TƯ xây dựng đường giao thông nông thôn");
        await _search.IndexAsync([document], CancellationToken.None);
        foreach (var text in new[] { "dau tu", "DUONG", "đường", "Đầu Tư" })
        {
            var results = await _search.SearchAsync(new SearchQuery { Text = text }, Everyone, CancellationToken.None);
            Assert.That(Ids(results), Is.EqualTo(new[] { document.Id }), text);
        }
    }

    [Test]
    public async Task An_exact_diacritic_match_ranks_above_a_folded_only_match()
    {
        var storm = Document("Công điện về việc ứng phó với bão số 5");
        var report = Document("Báo cáo bao quát tình hình kinh tế");
        var byStorm = await Index("bão", report, storm);
        Assert.That(Ids(byStorm), Is.EqualTo(new[] { storm.Id, report.Id }), "bão ranks the storm first, yet bao also matches");
        var byPlain = await _search.SearchAsync(new SearchQuery { Text = "bao" }, Everyone, CancellationToken.None);
        Assert.That(Ids(byPlain).First(), Is.EqualTo(report.Id), "bao typed plainly ranks the plain word first");
    }

    [Test]
    public async Task A_quoted_phrase_needs_its_words_together_and_in_order()
    {
        var together = Document("Kế hoạch phát triển kinh tế xã hội năm 2026");
        var apart = Document("Phát triển hạ tầng, kế hoạch kinh tế vùng");
        var results = await Index("\"ke hoach phat trien\"", together, apart);
        Assert.That(Ids(results), Is.EqualTo(new[] { together.Id }));
        var loose = await _search.SearchAsync(new SearchQuery { Text = "ke hoach phat trien" }, Everyone, CancellationToken.None);
        Assert.That(Ids(loose), Is.EquivalentTo(new[] { together.Id, apart.Id }));
    }

    [Test]
    public async Task A_number_and_code_finds_exactly_that_document()
    {
        var wanted = Document("Quyết định giao chỉ tiêu", code: "123/QĐ-UBND");
        var neighbour = Document("Quyết định về UBND 123", code: "124/QĐ-UBND");
        var similar = Document("Kế hoạch", code: "123/KH-UBND");
        await _search.IndexAsync([wanted, neighbour, similar], CancellationToken.None);
        foreach (var text in new[] { "123/QĐ-UBND", "123/qđ-ubnd", " 123/QD-UBND ", "123/QĐ-UBND".Normalize(NormalizationForm.FormD) })
        {
            var results = await _search.SearchAsync(new SearchQuery { Text = text }, Everyone, CancellationToken.None);
            Assert.That(Ids(results), Is.EqualTo(new[] { wanted.Id }), text);
        }
    }

    [Test]
    public async Task Body_text_is_found_with_or_without_diacritics_and_ranks_below_a_subject_match()
    {
        var inBody = Document("Công văn về việc báo cáo") with { Body = "Ý kiến chỉ đạo về công tác phòng chống hạn mặn" };
        var inSubject = Document("Kế hoạch phòng chống hạn mặn năm 2026");
        var results = await Index("phòng chống hạn mặn", inBody, inSubject);
        Assert.That(Ids(results), Is.EqualTo(new[] { inSubject.Id, inBody.Id }));
        var plain = await _search.SearchAsync(new SearchQuery { Text = "\"chi dao ve cong tac\"" }, Everyone, CancellationToken.None);
        Assert.That(Ids(plain), Is.EqualTo(new[] { inBody.Id }));
    }

    [Test]
    public async Task Indexing_the_same_document_again_replaces_it()
    {
        var first = Document("Thông báo kết luận cuộc họp");
        await _search.IndexAsync([first], CancellationToken.None);
        await _search.IndexAsync([first with { Subject = "Thông báo kết luận giao ban", Status = "Assigned" }], CancellationToken.None);
        var results = await _search.SearchAsync(new SearchQuery { Text = "thong bao" }, Everyone, CancellationToken.None);
        Assert.That(results.Total, Is.EqualTo(1));
        Assert.That(results.Hits[0].Document.Status, Is.EqualTo("Assigned"));
        Assert.That((await _search.GetAsync(first.Id, CancellationToken.None))!.Subject, Is.EqualTo("Thông báo kết luận giao ban"));
    }

    [Test]
    public async Task Filters_narrow_and_facets_count_every_visible_match()
    {
        await _search.IndexAsync([
            Document("Kế hoạch một", type: "Kế hoạch", urgency: Urgency.Urgent, date: new DateOnly(2026, 1, 10)),
            Document("Kế hoạch hai", type: "Kế hoạch", date: new DateOnly(2026, 6, 10)),
            Document("Công văn kế hoạch", type: "Công văn", body: "Sở Nội vụ", date: new DateOnly(2026, 6, 11)),
            Document("Kế hoạch mật", type: "Kế hoạch", secrecy: Secrecy.Secret),
        ], CancellationToken.None);
        var scope = new SearchScope(Secrecy.Confidential, "VP", SeesAllUnits: true);
        var all = await _search.SearchAsync(new SearchQuery { Text = "ke hoach" }, scope, CancellationToken.None);
        Assert.That(all.Total, Is.EqualTo(3), "the Tối mật one is above a Mật clearance");
        Assert.That(all.Facets[Facets.Type], Is.EqualTo(new[] { new FacetCount("Kế hoạch", 2), new FacetCount("Công văn", 1) }));
        Assert.That(all.Facets[Facets.IssuingBody], Does.Contain(new FacetCount("Sở Nội vụ", 1)));

        var june = await _search.SearchAsync(new SearchQuery { Text = "ke hoach", From = new(2026, 6, 1), To = new(2026, 6, 30), DocumentType = "Kế hoạch" }, scope, CancellationToken.None);
        Assert.That(june.Hits.Select(h => h.Document.Subject), Is.EqualTo(new[] { "Kế hoạch hai" }));
        var urgent = await _search.SearchAsync(new SearchQuery { Urgency = Urgency.Urgent }, scope, CancellationToken.None);
        Assert.That(urgent.Hits.Select(h => h.Document.Subject), Is.EqualTo(new[] { "Kế hoạch một" }));
    }

    [Test]
    public async Task Paging_returns_disjoint_pages_and_the_full_total()
    {
        await _search.IndexAsync(Enumerable.Range(1, 25).Select(i => Document($"Báo cáo tuần {i}")).ToArray(), CancellationToken.None);
        var first = await _search.SearchAsync(new SearchQuery { Text = "bao cao", PageSize = 10 }, Everyone, CancellationToken.None);
        var third = await _search.SearchAsync(new SearchQuery { Text = "bao cao", PageSize = 10, Page = 3 }, Everyone, CancellationToken.None);
        Assert.That(first.Total, Is.EqualTo(25));
        Assert.That(first.Hits, Has.Count.EqualTo(10));
        Assert.That(third.Hits, Has.Count.EqualTo(5));
        Assert.That(Ids(first).Intersect(Ids(third)), Is.Empty);
    }

    [Test]
    public async Task Matched_words_are_highlighted_and_the_rest_escaped()
    {
        var results = await Index("ke hoach", Document("Kế hoạch <b>năm</b> 2026"));
        Assert.That(results.Hits[0].Highlight, Is.EqualTo("<em>Kế</em> <em>hoạch</em> &lt;b&gt;năm&lt;/b&gt; 2026"));
    }

    [Test]
    public async Task Words_found_in_the_body_text_are_shown_as_marked_snippets()
    {
        var filler = string.Join(' ', Enumerable.Repeat("Ủy ban nhân dân tỉnh đề nghị các sở, ngành phối hợp thực hiện.", 6));
        var report = Document("Báo cáo tình hình thiên tai") with { Body = $"{filler} Khắc phục hậu quả ngập lụt <kịp thời> tại các huyện. {filler}" };
        var results = await Index("ngap lut", report);
        var snippets = results.Hits.Single().Snippets;
        Assert.That(snippets, Has.Count.EqualTo(1));
        Assert.That(snippets[0], Does.StartWith("…").And.EndWith("…"));
        Assert.That(snippets[0], Does.Contain("hậu quả <em>ngập</em> <em>lụt</em> &lt;kịp thời&gt; tại"));
        Assert.That(results.Hits[0].Highlight, Is.EqualTo("Báo cáo tình hình thiên tai"), "the subject has no match to mark");
    }

    [Test]
    public async Task Trimming_follows_the_readers_unit_and_clearance()
    {
        var ours = Document("Giấy mời họp", units: ["KT"]);
        var supported = Document("Giấy mời họp phối hợp", units: ["VP", "STC", "KT"]);
        var theirs = Document("Giấy mời họp khác", units: ["VP"]);
        var secret = Document("Giấy mời họp mật", units: ["KT"], secrecy: Secrecy.Confidential);
        var published = Document("Giấy mời họp công khai", units: ["VP"], status: SearchStatuses.Issued, isPublic: true);
        await _search.IndexAsync([ours, supported, theirs, secret, published], CancellationToken.None);

        var specialist = await _search.SearchAsync(new SearchQuery { Text = "giay moi" }, new SearchScope(Secrecy.None, "KT", false), CancellationToken.None);
        Assert.That(Ids(specialist), Is.EquivalentTo(new[] { ours.Id, supported.Id }));
        var noUnit = await _search.SearchAsync(new SearchQuery { Text = "giay moi" }, new SearchScope(Secrecy.TopSecret, null, false), CancellationToken.None);
        Assert.That(noUnit.Total, Is.Zero);
        var cleared = await _search.SearchAsync(new SearchQuery { Text = "giay moi" }, new SearchScope(Secrecy.Confidential, "KT", false), CancellationToken.None);
        Assert.That(Ids(cleared), Does.Contain(secret.Id));
        var publicOnly = await _search.SearchAsync(new SearchQuery { Text = "giay moi" }, SearchScope.Public, CancellationToken.None);
        Assert.That(Ids(publicOnly), Is.EqualTo(new[] { published.Id }));
        Assert.That(publicOnly.Facets[Facets.Type].Sum(f => f.Count), Is.EqualTo(1), "facets are trimmed too");
    }

    [Test]
    public async Task A_secret_document_marked_public_by_mistake_still_stays_out_of_public_search()
    {
        var leaked = Document("Kế hoạch bảo vệ bí mật", status: SearchStatuses.Issued, isPublic: true, secrecy: Secrecy.Confidential);
        await _search.IndexAsync([leaked], CancellationToken.None);
        var results = await _search.SearchAsync(new SearchQuery { Text = "ke hoach" }, SearchScope.Public, CancellationToken.None);
        Assert.That(results.Total, Is.Zero);
    }

    [Test]
    public async Task The_index_survives_a_restart()
    {
        var document = Document("Quy chế làm việc của UBND tỉnh");
        await _search.IndexAsync([document], CancellationToken.None);
        _search.Dispose();
        _search = new LuceneDocumentSearch(_folder);
        var results = await _search.SearchAsync(new SearchQuery { Text = "quy che" }, Everyone, CancellationToken.None);
        Assert.That(Ids(results), Is.EqualTo(new[] { document.Id }));
    }

    [Test]
    public async Task Concurrent_callers_each_return_with_their_document_searchable_and_durable()
    {
        var documents = Enumerable.Range(1, 40).Select(i => Document($"Giấy mời họp giao ban số {i}")).ToArray();
        var outcomes = await Task.WhenAll(documents.Select(document => Task.Run(async () =>
        {
            await _search.IndexAsync([document], CancellationToken.None);
            var searchable = await _search.GetAsync(document.Id, CancellationToken.None) is not null;
            // The last commit on disk, read past the writer: what a crash right now would keep.
            using var directory = FSDirectory.Open(_folder);
            using var committed = DirectoryReader.Open(directory);
            var durable = committed.DocFreq(new Term("id", document.Id.ToString())) == 1;
            return (searchable, durable);
        })));
        Assert.That(outcomes, Has.All.EqualTo((true, true)));
        Assert.That(_search.Commits, Is.InRange(1, documents.Length), "one commit per caller at most; a burst shares them");
        var all = await _search.SearchAsync(new SearchQuery { Text = "giay moi hop giao ban", PageSize = 100 }, Everyone, CancellationToken.None);
        Assert.That(all.Total, Is.EqualTo(documents.Length));
    }
}
