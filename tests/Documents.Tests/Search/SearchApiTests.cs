using System.Net;
using System.Net.Http.Json;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.Extensions.DependencyInjection;
using Platform.Contracts;
using Platform.Contracts.Events;
using Platform.Contracts.Grpc.Documents;
using Platform.Documents.Apis;
using Platform.Documents.Search;
using Platform.TestSupport;

namespace Platform.Documents.Tests.Search;

/// <summary>Search through the service: fed by its own events, trimmed on every read path.</summary>
[TestFixtureSource(typeof(DatabaseKinds), nameof(DatabaseKinds.All))]
public sealed class SearchApiTests(DatabaseKind database)
{
    private DocumentsFactory _factory = null!;
    private static readonly TestUser Uncleared = TestUser.Clerk with { Username = "vanthu2", Clearance = "none" };

    [OneTimeSetUp]
    public void Start() => _factory = new DocumentsFactory(database);

    [OneTimeTearDown]
    public void Stop() => _factory.Dispose();

    private static object NewDocument(string subject, string number, Secrecy secrecy = Secrecy.None) => new
    {
        issuingBody = "Sở Kế hoạch và Đầu tư",
        numberAndCode = number,
        documentDate = "2026-11-20",
        documentType = "Kế hoạch",
        subject,
        urgency = "Normal",
        secrecy = secrecy.ToString(),
        pageCount = 2,
    };

    private async Task<IncomingDocumentView> RegisterAsync(string subject, string number, Secrecy secrecy = Secrecy.None)
    {
        using var clerk = _factory.ClientFor(TestUser.Clerk);
        var response = await clerk.PostAsJsonAsync("/api/documents/incoming", NewDocument(subject, number, secrecy));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        return (await response.Content.ReadFromJsonAsync<IncomingDocumentView>())!;
    }

    private async Task<SearchResponse> SearchAsync(TestUser user, string query)
    {
        using var client = _factory.ClientFor(user);
        var response = await client.GetAsync($"/api/documents/search?{query}");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<SearchResponse>())!;
    }

    private Task<SearchResponse> UntilFoundAsync(TestUser user, string query, Guid id) =>
        Eventually.UntilAsync(() => SearchAsync(user, query), r => r.Hits.Any(h => h.Id == id), what: $"found by {query}");

    private GrpcChannel Channel() => GrpcChannel.ForAddress(_factory.Server.BaseAddress, new GrpcChannelOptions { HttpHandler = _factory.Server.CreateHandler() });

    private static Metadata As(TestUser user) => new() { { TestUser.Header, user.Encode() } };

    [Test]
    public async Task A_registered_document_becomes_searchable_without_diacritics_with_facets_and_highlight()
    {
        var document = await RegisterAsync("Kế hoạch triển khai chuyển đổi số tỉnh năm 2027", "88/KH-SKHĐT");
        var found = await UntilFoundAsync(TestUser.Clerk, "q=chuyen%20doi%20so&type=K%E1%BA%BF%20ho%E1%BA%A1ch", document.Id);
        var hit = found.Hits.Single(h => h.Id == document.Id);
        Assert.That(hit.Highlight, Does.Contain("<em>chuyển</em> <em>đổi</em> <em>số</em>"));
        Assert.That(found.Facets[Facets.Type].Select(f => f.Value), Does.Contain("Kế hoạch"));
        var byCode = await SearchAsync(TestUser.Clerk, "q=" + Uri.EscapeDataString("88/KH-SKHĐT"));
        Assert.That(byCode.Hits.Select(h => h.Id), Is.EqualTo(new[] { document.Id }));
    }

    [Test]
    public async Task A_direction_lets_the_lead_unit_find_the_document()
    {
        var document = await RegisterAsync("Công văn về quản lý đất đai ven biển", "31/STNMT-ĐĐ");
        var leadSpecialist = TestUser.Specialist with { Unit = "STNMT" };
        await UntilFoundAsync(TestUser.Clerk, "q=dat%20dai%20ven%20bien", document.Id);
        Assert.That((await SearchAsync(leadSpecialist, "q=dat%20dai%20ven%20bien")).Total, Is.Zero, "not yet its unit's document");

        using var leader = _factory.ClientFor(TestUser.Leader);
        var directed = await leader.PostAsJsonAsync($"/api/documents/incoming/{document.Id}/direction",
            new { direction = "Giao Sở Tài nguyên và Môi trường chủ trì", leadUnit = "STNMT" });
        Assert.That(directed.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var found = await UntilFoundAsync(leadSpecialist, "q=dat%20dai%20ven%20bien", document.Id);
        Assert.That(found.Hits.Single().Status, Is.EqualTo("Assigned"));
    }

    [Test]
    public async Task A_redelivered_event_leaves_one_entry()
    {
        var document = await RegisterAsync("Thông báo lịch trực phòng chống lụt bão", "05/TB-VP");
        await UntilFoundAsync(TestUser.Clerk, "q=lich%20truc%20lut%20bao", document.Id);
        var again = new DocumentRegistered(document.Id, document.Year, document.ArrivalNumber, document.IssuingBody, document.NumberAndCode,
            document.DocumentDate, document.DocumentType, document.Subject, document.Urgency, document.Secrecy, document.RegisteredByUnit, DateTimeOffset.UtcNow);
        await _factory.Broker.PublishAsync(again);
        await _factory.Broker.PublishAsync(again);
        await Task.Delay(500);
        Assert.That((await SearchAsync(TestUser.Clerk, "q=lich%20truc%20lut%20bao")).Total, Is.EqualTo(1));
    }

    [Test]
    public async Task A_secret_document_leaks_through_no_read_path()
    {
        const string words = "q=phuong%20an%20bao%20ve%20muc%20tieu";
        var secret = await RegisterAsync("Phương án bảo vệ mục tiêu trọng điểm", "02/PA-CA", Secrecy.Confidential);
        // The cleared clerk finds it: the index has it, so an empty answer below is trimming, not lag.
        await UntilFoundAsync(TestUser.Clerk, words, secret.Id);
        // An outgoing secret document wrongly flagged public reaches the index through its event too.
        var issuedSecret = Guid.CreateVersion7();
        await _factory.Broker.PublishAsync(new DocumentIssued(issuedSecret, "03/PA-UBND", "Phương án", "Phương án bảo vệ mục tiêu mật",
            "Nguyễn Văn B", "Chủ tịch", new DateOnly(2026, 11, 21), Secrecy.Secret, IsPublic: true, IsLegalNormative: false, [], DateTimeOffset.UtcNow));
        await UntilFoundAsync(TestUser.Leader, words, issuedSecret);

        using var uncleared = _factory.ClientFor(Uncleared);
        await Assert.MultipleAsync(async () =>
        {
            Assert.That((await uncleared.GetAsync($"/api/documents/incoming/{secret.Id}")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "REST get");
            var list = await uncleared.GetFromJsonAsync<IncomingDocumentView[]>("/api/documents/incoming?pageSize=200");
            Assert.That(list!.Select(d => d.Id), Does.Not.Contain(secret.Id), "REST list");
            var search = await SearchAsync(Uncleared, words);
            Assert.That(search.Hits.Select(h => h.Id), Does.Not.Contain(secret.Id).And.Not.Contain(issuedSecret), "REST search");
            Assert.That(search.Facets.Values.SelectMany(f => f).Sum(f => f.Count), Is.Zero, "facets count nothing hidden");
            var byCode = await SearchAsync(Uncleared, "q=" + Uri.EscapeDataString("02/PA-CA"));
            Assert.That(byCode.Total, Is.Zero, "search by number and code");
        });

        using var channel = Channel();
        var grpc = new DocumentsQuery.DocumentsQueryClient(channel);
        foreach (var id in new[] { secret.Id, issuedSecret })
        {
            var error = Assert.ThrowsAsync<RpcException>(async () =>
                await grpc.GetDocumentAsync(new GetDocumentRequest { DocumentId = id.ToString() }, As(Uncleared)));
            Assert.That(error!.StatusCode, Is.EqualTo(StatusCode.NotFound), "gRPC get");
        }
        var cleared = await grpc.GetDocumentAsync(new GetDocumentRequest { DocumentId = secret.Id.ToString() }, As(TestUser.Clerk));
        Assert.That(cleared.Secrecy, Is.EqualTo("Confidential"), "a cleared caller still reads it over gRPC");
        foreach (var caller in new[] { Uncleared, TestUser.Leader })
        {
            var publicSearch = await grpc.SearchPublicDocumentsAsync(new SearchPublicDocumentsRequest { Query = "phuong an bao ve muc tieu", PageSize = 50 }, As(caller));
            Assert.That(publicSearch.Total, Is.Zero, "gRPC public search, even for a Tuyệt mật leader");
        }
    }

    [Test]
    public async Task Public_search_over_gRPC_returns_issued_public_documents_only()
    {
        var published = Guid.CreateVersion7();
        var internalOnly = Guid.CreateVersion7();
        foreach (var (id, isPublic) in new[] { (published, true), (internalOnly, false) })
        {
            await _factory.Broker.PublishAsync(new DocumentIssued(id, $"{(isPublic ? 7 : 8)}/QĐ-UBND", "Quyết định",
                "Quyết định công bố thủ tục hành chính lĩnh vực giáo dục", "Trần Văn C", "Chủ tịch", new DateOnly(2026, 11, 22),
                Secrecy.None, isPublic, IsLegalNormative: false, ["Sở Giáo dục và Đào tạo"], DateTimeOffset.UtcNow));
        }
        await UntilFoundAsync(TestUser.Leader, "q=thu%20tuc%20hanh%20chinh%20giao%20duc", internalOnly);
        using var channel = Channel();
        var grpc = new DocumentsQuery.DocumentsQueryClient(channel);
        var found = await grpc.SearchPublicDocumentsAsync(new SearchPublicDocumentsRequest { Query = "thu tuc hanh chinh giao duc" }, As(TestUser.Specialist));
        Assert.That(found.Documents.Select(d => d.DocumentId), Is.EqualTo(new[] { published.ToString() }));
        Assert.That(found.Documents[0].Status, Is.EqualTo(SearchStatuses.Issued));

        await _factory.Broker.PublishAsync(new DocumentRecalled(published, "7/QĐ-UBND", "Sai thẩm quyền", "lanhdao", DateTimeOffset.UtcNow));
        await Eventually.UntilAsync(
            async () => (await grpc.SearchPublicDocumentsAsync(new SearchPublicDocumentsRequest { Query = "thu tuc hanh chinh giao duc" }, As(TestUser.Specialist))).Total,
            total => total == 0, what: "recalled document gone from public search");
    }

    [Test]
    public async Task Public_search_over_gRPC_marks_the_subject_and_gives_body_snippets_of_public_documents_only()
    {
        var published = Guid.CreateVersion7();
        var internalOnly = Guid.CreateVersion7();
        var secretFlaggedPublic = Guid.CreateVersion7();
        // The signer goes into the body text (toàn văn) of an outgoing document; the subjects differ, so a leak would show.
        foreach (var (id, code, subject, secrecy, isPublic) in new[]
        {
            (published, "61/QĐ-UBND", "Quyết định ban hành quy chế phối hợp quản lý cảng cá", Secrecy.None, true),
            (internalOnly, "62/QĐ-UBND", "Quyết định điều động cán bộ nội bộ", Secrecy.None, false),
            (secretFlaggedPublic, "63/QĐ-UBND", "Quyết định về phương án tác chiến bí mật", Secrecy.Secret, true),
        })
        {
            await _factory.Broker.PublishAsync(new DocumentIssued(id, code, "Quyết định", subject, "Hoàng Thị Lựu",
                "Phó Chủ tịch", new DateOnly(2026, 11, 23), secrecy, isPublic, IsLegalNormative: false, [], DateTimeOffset.UtcNow));
        }
        await UntilFoundAsync(TestUser.Leader, "q=hoang%20thi%20luu", secretFlaggedPublic);
        await UntilFoundAsync(TestUser.Leader, "q=hoang%20thi%20luu", internalOnly);
        await UntilFoundAsync(TestUser.Leader, "q=hoang%20thi%20luu", published);

        using var channel = Channel();
        var grpc = new DocumentsQuery.DocumentsQueryClient(channel);
        var bySigner = await grpc.SearchPublicDocumentsAsync(new SearchPublicDocumentsRequest { Query = "hoang thi luu" }, As(TestUser.Specialist));
        Assert.That(bySigner.Documents.Select(d => d.DocumentId), Is.EqualTo(new[] { published.ToString() }));
        var hit = bySigner.Documents.Single();
        Assert.That(hit.BodySnippets, Is.EqualTo(new[] { "Phó Chủ tịch <em>Hoàng</em> <em>Thị</em> <em>Lựu</em>" }));
        Assert.That(hit.SubjectHighlight, Is.EqualTo("Quyết định ban hành quy chế phối hợp quản lý cảng cá"), "nothing in the subject matched");

        var bySubject = await grpc.SearchPublicDocumentsAsync(new SearchPublicDocumentsRequest { Query = "quy che phoi hop" }, As(TestUser.Specialist));
        Assert.That(bySubject.Documents.Single().SubjectHighlight, Is.EqualTo("Quyết định ban hành <em>quy</em> <em>chế</em> <em>phối</em> <em>hợp</em> quản lý cảng cá"));
        Assert.That(bySubject.Documents.Single().BodySnippets, Is.Empty, "the body does not hold those words");

        var everything = string.Join('\n', new[] { bySigner, bySubject }.SelectMany(r => r.Documents)
            .SelectMany(d => d.BodySnippets.Append(d.SubjectHighlight).Append(d.Subject)));
        Assert.That(everything, Does.Not.Contain("tác chiến").And.Not.Contain("điều động"), "no text of a secret or non-public document");
    }

    [Test]
    public async Task A_recall_handled_before_its_issue_keeps_the_document_out_of_public_search()
    {
        var document = Guid.CreateVersion7();
        await _factory.Broker.PublishAsync(new DocumentRecalled(document, "71/QĐ-UBND", "Ban hành sai thẩm quyền", "lanhdao", DateTimeOffset.UtcNow));
        // The recall is in the index before the issue is published: the order a slow issue topic would give.
        var placeholder = await UntilFoundAsync(TestUser.Leader, "q=" + Uri.EscapeDataString("71/QĐ-UBND"), document);
        Assert.That(placeholder.Hits.Single().Status, Is.EqualTo(SearchStatuses.Recalled));

        await _factory.Broker.PublishAsync(new DocumentIssued(document, "71/QĐ-UBND", "Quyết định", "Quyết định phê duyệt quy hoạch vùng nuôi tôm",
            "Trần Văn C", "Chủ tịch", new DateOnly(2026, 11, 24), Secrecy.None, IsPublic: true, IsLegalNormative: false, [], DateTimeOffset.UtcNow));
        var filled = await Eventually.UntilAsync(() => SearchAsync(TestUser.Leader, "q=quy%20hoach%20vung%20nuoi%20tom"),
            r => r.Hits.Any(h => h.Id == document), what: "the issue filled in the recalled document");
        Assert.That(filled.Hits.Single(h => h.Id == document).Status, Is.EqualTo(SearchStatuses.Recalled), "the recall stands");

        using var channel = Channel();
        var grpc = new DocumentsQuery.DocumentsQueryClient(channel);
        var found = await grpc.SearchPublicDocumentsAsync(new SearchPublicDocumentsRequest { Query = "quy hoach vung nuoi tom" }, As(TestUser.Specialist));
        Assert.That(found.Total, Is.Zero);
    }

    [Test]
    public async Task The_rebuild_re_indexes_everything_from_the_database_and_reports_progress()
    {
        var document = await RegisterAsync("Báo cáo tổng kết công tác văn thư lưu trữ", "44/BC-VP");
        await UntilFoundAsync(TestUser.Clerk, "q=van%20thu%20luu%20tru", document.Id);
        await _factory.Services.GetRequiredService<IDocumentSearch>().ClearAsync(CancellationToken.None);
        Assert.That((await SearchAsync(TestUser.Clerk, "q=van%20thu%20luu%20tru")).Total, Is.Zero);

        using var clerk = _factory.ClientFor(TestUser.Clerk);
        Assert.That((await clerk.PostAsync("/api/documents/search/rebuild", null)).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        using var admin = _factory.ClientFor(TestUser.Administrator);
        var progress = await (await admin.PostAsync("/api/documents/search/rebuild", null)).Content.ReadAsStringAsync();
        Assert.That(progress, Does.StartWith("Rebuilding the search index from").And.Contain("Done:"));
        Assert.That((await SearchAsync(TestUser.Clerk, "q=van%20thu%20luu%20tru")).Hits.Select(h => h.Id), Does.Contain(document.Id));
    }

    [Test]
    public async Task Bad_search_input_gets_a_problem_and_no_token_gets_401()
    {
        using var clerk = _factory.ClientFor(TestUser.Clerk);
        var reversed = await clerk.GetAsync("/api/documents/search?from=2026-12-01&to=2026-01-01");
        Assert.That(reversed.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await reversed.Content.ReadAsStringAsync(), Does.Contain("Từ ngày"));
        using var anonymous = _factory.ClientFor(null);
        Assert.That((await anonymous.GetAsync("/api/documents/search?q=a")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }
}
