using Microsoft.Extensions.DependencyInjection;
using Platform.Portal.Domain;

namespace Platform.Portal.Tests;

public sealed class SectionLinkTests
{
    [TestCase("https://dichvucong.gov.vn", true)]
    [TestCase("http://vbpl.vn/", true)]
    [TestCase("/phan-anh", true)]
    [TestCase("//evil.example/x", false)]
    [TestCase("javascript:alert(1)", false)]
    [TestCase("data:text/html,<script>alert(1)</script>", false)]
    [TestCase("JAVASCRIPT:alert(1)", false)]
    public void Only_web_addresses_and_portal_paths_are_safe_in_a_link(string address, bool safe) =>
        Assert.That(SectionLink.IsSafeAddress(address), Is.EqualTo(safe));

    [Test]
    public void Links_are_read_one_a_line_and_unsafe_ones_are_dropped()
    {
        var links = SectionLink.Parse("Cổng Dịch vụ công quốc gia | https://dichvucong.gov.vn\r\nlỗi không có địa chỉ\nXấu | javascript:alert(1)\nPhản ánh | /phan-anh");
        Assert.That(links, Is.EqualTo(new[] { new SectionLink("Cổng Dịch vụ công quốc gia", "https://dichvucong.gov.vn"), new SectionLink("Phản ánh", "/phan-anh") }));
    }

    [TestCase("Quyết định số 05/QĐ-UBND về Đề án", "quyet dinh so 05/qd ubnd ve de an")]
    [TestCase("ĐƯỜNG   Hùng—Vương", "duong hung vuong")]
    public void Text_is_folded_without_diacritics_for_search(string text, string folded) =>
        Assert.That(SearchText.Fold(text), Is.EqualTo(folded));

    [Test]
    public void A_query_matches_when_every_word_occurs_with_or_without_diacritics()
    {
        var text = SearchText.Fold("Về việc phê duyệt Đề án chuyển đổi số");
        Assert.That(SearchText.Matches(text, "chuyển đổi"), Is.True);
        Assert.That(SearchText.Matches(text, "de an so"), Is.True);
        Assert.That(SearchText.Matches(text, "chuyen doi xanh"), Is.False);
    }
}

public sealed class SignerNameTests
{
    [TestCase("CN=Nguyễn Văn B, OU=lanhdao, O=Ủy ban nhân dân tỉnh, C=VN", "Nguyễn Văn B, Ủy ban nhân dân tỉnh")]
    [TestCase("CN=Văn phòng UBND tỉnh", "Văn phòng UBND tỉnh")]
    public void A_certificate_subject_reads_as_person_and_organisation(string subject, string shown) =>
        Assert.That(Platform.Portal.PublicDocuments.DocumentsPublicApi.CommonName(subject), Is.EqualTo(shown));
}

public sealed class SearchTextBackfillTests
{
    [Test]
    public async Task A_document_recorded_without_search_text_gets_it_at_start()
    {
        using var portal = new PortalFactory(Platform.TestSupport.DatabaseKind.Sqlite);
        var id = Guid.NewGuid();
        using (var scope = portal.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Platform.Portal.Persistence.PortalDbContext>();
            db.PublicDocuments.Add(new PublicDocument
            {
                DocumentId = id, NumberAndCode = "12/QĐ-UBND", DocumentType = "Quyết định", Subject = "Về việc thành lập Tổ công tác",
                SignerName = "Nguyễn Văn A", IssuedDate = new DateOnly(2026, 11, 1),
            });
            await db.SaveChangesAsync();
        }

        await portal.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<Platform.Portal.Persistence.SearchTextBackfill>().Single()
            .StartAsync(CancellationToken.None);

        using var check = portal.Services.CreateScope();
        var stored = await check.ServiceProvider.GetRequiredService<Platform.Portal.Persistence.PortalDbContext>().PublicDocuments.FindAsync(id);
        Assert.That(stored!.SearchText, Is.EqualTo("12/qd ubnd quyet dinh ve viec thanh lap to cong tac nguyen van a"));
    }
}
