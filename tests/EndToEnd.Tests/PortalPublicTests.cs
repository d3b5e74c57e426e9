using System.Net;
using System.Text.RegularExpressions;
using Platform.AppHost;
using Platform.TestSupport;

namespace Platform.EndToEnd.Tests;

/// <summary>The public portal through the gateway, with the content a first make run seeds.</summary>
public sealed partial class PortalPublicTests
{
    [GeneratedRegex("href=\"(/van-ban/[0-9a-f-]{36})\"")]
    private static partial Regex DocumentLink();

    [Test]
    public async Task The_seeded_portal_finds_a_public_document_without_diacritics_over_gRPC_and_shows_its_signature_check()
    {
        await SampleContent.SeedOnceAsync(RunningPlatform.Platform.Settings, CancellationToken.None);

        var search = await Eventually.UntilAsync(() => RunningPlatform.Gateway.GetStringAsync("/van-ban?q=cong+thong+tin+dien+tu"),
            page => page.Contains("Cổng thông tin điện tử tỉnh") && !page.Contains("tim-du-phong") && DocumentLink().IsMatch(page),
            RunningPlatform.EventTimeout, "the sample decision in the portal and in Documents' search");
        var detail = WebUtility.HtmlDecode(await RunningPlatform.Gateway.GetStringAsync(DocumentLink().Match(search).Groups[1].Value));
        var gazette = await Eventually.UntilAsync(() => RunningPlatform.Gateway.GetStringAsync("/cong-bao"),
            page => page.Contains("PDF có chữ ký số"), RunningPlatform.EventTimeout, "the sample gazette issue on the portal");
        var pdfLink = Regex.Match(gazette, "href=\"(/api/gazette/public/issues/[0-9a-f-]{36}/pdf)\"").Groups[1].Value;
        using var pdf = await RunningPlatform.Gateway.GetAsync(pdfLink);

        Assert.Multiple(() =>
        {
            Assert.That(detail, Does.Contain("quyet-dinh.pdf").And.Contain("Hợp lệ"));
            Assert.That(pdf.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(pdf.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/pdf"));
        });
    }
}
