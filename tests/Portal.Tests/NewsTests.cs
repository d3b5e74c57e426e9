using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Platform.Portal.Domain;
using Platform.TestSupport;
using static Platform.Portal.Apis.NewsApi;
using NewsImagesView = Platform.Portal.Apis.NewsImagesApi.ImageView;

namespace Platform.Portal.Tests;

[TestFixtureSource(typeof(DatabaseKinds), nameof(DatabaseKinds.All))]
public sealed class NewsTests(DatabaseKind database)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };
    private PortalFactory _factory = null!;
    private HttpClient _editor = null!;
    private HttpClient _visitor = null!;

    [OneTimeSetUp]
    public void Start()
    {
        _factory = new PortalFactory(database);
        _editor = _factory.ClientFor(TestUser.PortalEditor);
        _visitor = _factory.ClientFor(null);
    }

    [OneTimeTearDown]
    public void Stop()
    {
        _editor.Dispose();
        _visitor.Dispose();
        _factory.Dispose();
    }

    private async Task<CategoryView> CategoryAsync(string name)
    {
        using var response = await _editor.PostAsJsonAsync("/staff/api/news/categories", new CategoryRequest(name));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<CategoryView>(Json))!;
    }

    private async Task<ArticleView> DraftAsync(Guid category, string title, string body = "Đoạn một.\n\nĐoạn hai.")
    {
        using var response = await _editor.PostAsJsonAsync("/staff/api/news", new ArticleRequest(category, title, "Tóm tắt bài viết", body, null, null));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<ArticleView>(Json))!;
    }

    private async Task<HttpResponseMessage> StepAsync(Guid article, string step) => await _editor.PostAsync($"/staff/api/news/{article}/{step}", null);

    private async Task PublishAsync(Guid article)
    {
        Assert.That((await StepAsync(article, "submit")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await StepAsync(article, "publish")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task A_category_gets_a_readable_slug()
    {
        var category = await CategoryAsync("Tin tức thời sự");
        Assert.That(category.Slug, Is.EqualTo("tin-tuc-thoi-su"));
        Assert.That((await CategoryAsync("Tin tức thời sự")).Slug, Is.EqualTo("tin-tuc-thoi-su-2"));
    }

    [Test]
    public async Task A_published_article_shows_at_its_readable_address_and_on_the_home_page()
    {
        var category = await CategoryAsync("Đầu tư phát triển");
        var article = await DraftAsync(category.Id, "Khởi công đường ven biển Đông Hải");
        Assert.That(article.Slug, Is.EqualTo("khoi-cong-duong-ven-bien-dong-hai"));
        var address = $"/tin-tuc/{category.Slug}/{article.Slug}";
        Assert.That((await _visitor.GetAsync(address)).StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "a draft is not public");

        await PublishAsync(article.Id);

        var page = WebUtility.HtmlDecode(await _visitor.GetStringAsync(address));
        Assert.That(page, Does.Contain("<h2>Khởi công đường ven biển Đông Hải</h2>").And.Contain("<p>Đoạn một.</p>").And.Contain("<p>Đoạn hai.</p>"));
        Assert.That(await _visitor.GetStringAsync("/"), Does.Contain($"href=\"{address}\""));
        Assert.That(await _visitor.GetStringAsync($"/tin-tuc/{category.Slug}"), Does.Contain($"href=\"{address}\""));
    }

    [Test]
    public async Task An_unpublished_article_is_gone_from_the_public_pages()
    {
        var category = await CategoryAsync("Thông báo");
        var article = await DraftAsync(category.Id, "Thông báo lịch tiếp công dân tháng 12");
        await PublishAsync(article.Id);
        Assert.That((await StepAsync(article.Id, "unpublish")).StatusCode, Is.EqualTo(HttpStatusCode.OK));

        Assert.That((await _visitor.GetAsync($"/tin-tuc/{category.Slug}/{article.Slug}")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(await _visitor.GetStringAsync("/tin-tuc"), Does.Not.Contain(article.Slug));
    }

    [Test]
    public async Task A_step_out_of_order_is_refused_with_a_Vietnamese_problem()
    {
        var category = await CategoryAsync("Chỉ đạo");
        var article = await DraftAsync(category.Id, "Bài chưa duyệt");

        using var response = await StepAsync(article.Id, "publish");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/problem+json"));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("Chỉ xuất bản được bài viết đã gửi duyệt hoặc đã gỡ."));
    }

    [Test]
    public async Task A_draft_missing_its_title_or_with_a_script_image_is_refused()
    {
        var category = await CategoryAsync("Kiểm tra");
        using var response = await _editor.PostAsJsonAsync("/staff/api/news",
            new ArticleRequest(category.Id, " ", "Tóm tắt", "Nội dung", "javascript:alert(1)", null));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var problem = await response.Content.ReadAsStringAsync();
        Assert.That(problem, Does.Contain("Tiêu đề là bắt buộc.").And.Contain("Ảnh phải là ảnh đã tải lên cổng"));
    }

    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3];

    private async Task<HttpResponseMessage> UploadAsync(byte[] bytes, string name)
    {
        var form = new MultipartFormDataContent { { new ByteArrayContent(bytes), "image", name } };
        return await _editor.PostAsync("/staff/api/news/images", form);
    }

    [Test]
    public async Task An_article_shows_an_image_uploaded_to_the_portal()
    {
        using var uploaded = await UploadAsync(Png, "../../anh-le-khoi-cong.png");
        Assert.That(uploaded.StatusCode, Is.EqualTo(HttpStatusCode.Created), await uploaded.Content.ReadAsStringAsync());
        var image = (await uploaded.Content.ReadFromJsonAsync<NewsImagesView>(Json))!.Url;
        Assert.That(image, Does.Match("^/anh/[0-9a-f]{32}\\.png$"), "the portal names the file, not the sender");

        var category = await CategoryAsync("Hình ảnh");
        using var created = await _editor.PostAsJsonAsync("/staff/api/news",
            new ArticleRequest(category.Id, "Lễ khởi công cầu Cửa Đại", "Tóm tắt", "Nội dung", image, "Các đại biểu thực hiện nghi thức khởi công"));
        var article = (await created.Content.ReadFromJsonAsync<ArticleView>(Json))!;
        await PublishAsync(article.Id);

        var page = WebUtility.HtmlDecode(await _visitor.GetStringAsync($"/tin-tuc/{category.Slug}/{article.Slug}"));
        Assert.That(page, Does.Contain($"<img src=\"{image}\" alt=\"Các đại biểu thực hiện nghi thức khởi công\" />"));
        using var served = await _visitor.GetAsync(image);
        Assert.That(served.Content.Headers.ContentType!.MediaType, Is.EqualTo("image/png"));
        Assert.That(await served.Content.ReadAsByteArrayAsync(), Is.EqualTo(Png));
    }

    [Test]
    public async Task Only_png_or_jpeg_is_taken_and_only_stored_names_are_served()
    {
        using var refused = await UploadAsync("<svg onload=alert(1)>"u8.ToArray(), "anh.png");
        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await refused.Content.ReadAsStringAsync(), Does.Contain("Chỉ nhận ảnh PNG hoặc JPEG."));

        Assert.That((await _visitor.GetAsync("/anh/..%2F..%2Fportal.db")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        using var external = await _editor.PostAsJsonAsync("/staff/api/news",
            new ArticleRequest(Guid.Empty, "Ảnh ngoài", "Tóm tắt", "Nội dung", "https://example.com/a.png", null));
        Assert.That(await external.Content.ReadAsStringAsync(), Does.Contain("Ảnh phải là ảnh đã tải lên cổng"));
    }

    [Test]
    public async Task Script_in_an_article_is_shown_as_text()
    {
        var category = await CategoryAsync("An toàn");
        var article = await DraftAsync(category.Id, "Bài có mã <script>alert(1)</script>", "<img src=x onerror=alert(1)> nội dung");
        await PublishAsync(article.Id);

        var raw = await _visitor.GetStringAsync($"/tin-tuc/{category.Slug}/{article.Slug}");

        Assert.That(raw, Does.Not.Contain("<script>alert").And.Not.Contain("<img src=x"));
        Assert.That(raw, Does.Contain("&lt;script&gt;alert(1)&lt;/script&gt;").And.Contain("&lt;img src=x onerror=alert(1)&gt;"));
    }

    [Test]
    public async Task Only_a_portal_editor_may_use_the_news_desk()
    {
        Assert.That((await _visitor.GetAsync("/staff/api/news")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        using var clerk = _factory.ClientFor(TestUser.Clerk);
        Assert.That((await clerk.PostAsJsonAsync("/staff/api/news/categories", new CategoryRequest("Không được"))).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [Test]
    public async Task Sample_news_from_the_corpus_is_there_once_after_a_restart()
    {
        var list = await _editor.GetFromJsonAsync<ArticleView[]>("/staff/api/news?status=Published", Json);
        var seeded = list!.Where(a => a.Author == Platform.Portal.Seed.SampleNewsSeeder.Editor).ToArray();
        Assert.That(seeded, Has.Length.EqualTo(4));
        Assert.That(seeded.Select(a => a.Slug), Does.Contain("xay-dung-he-thong-van-phong-co-quan-hanh-chinh-nha-nuoc-chuyen-nghiep-hien-dai"));

        // A second process on the same database, as after a restart or with a second replica.
        using var again = _factory.WithWebHostBuilder(_ => { });
        using var client = again.CreateClient();
        Assert.That((await client.GetAsync("/")).StatusCode, Is.EqualTo(HttpStatusCode.OK));

        var after = await _editor.GetFromJsonAsync<ArticleView[]>("/staff/api/news?status=Published", Json);
        Assert.That(after!.Count(a => a.Author == Platform.Portal.Seed.SampleNewsSeeder.Editor), Is.EqualTo(4));
        var categories = await _editor.GetFromJsonAsync<CategoryView[]>("/staff/api/news/categories", Json);
        Assert.That(categories!.Select(c => c.Slug), Is.Unique);
    }
}
