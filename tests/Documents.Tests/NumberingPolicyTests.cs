using Platform.Contracts;
using Platform.Documents.Domain;

namespace Platform.Documents.Tests;

public sealed class NumberingPolicyTests
{
    private static readonly NumberingPolicy Shared = new(new NumberingOptions());
    private static readonly NumberingPolicy PerType = new(new NumberingOptions { AdministrativeSeries = AdministrativeSeries.PerType });

    [TestCase(5, "Quyết định", "KT", "05/QĐ-UBND")]
    [TestCase(123, "Kế hoạch", "KT", "123/KH-UBND")]
    [TestCase(45, "Công văn", "KT", "45/UBND-KT")]
    [TestCase(9, "Tờ trình", "VP", "09/TTr-UBND")]
    [TestCase(10, "Quy định", "VP", "10/QyĐ-UBND")]
    [TestCase(1, "Thư công", "VP", "01/UBND")]
    public void Number_and_code_follow_decree_30(int number, string type, string unit, string expected) =>
        Assert.That(Shared.NumberAndCode(number, DocumentTypes.Get(type), unit), Is.EqualTo(expected));

    [Test]
    public void A_legal_normative_document_carries_its_year_in_the_code() =>
        Assert.That(Shared.NumberAndCode(15, DocumentTypes.Get("Quyết định"), "KT", legalNormative: true, year: 2026), Is.EqualTo("15/2026/QĐ-UBND"));

    [Test]
    public void The_body_code_is_configurable() =>
        Assert.That(new NumberingPolicy(new NumberingOptions { BodyCode = "VP" }).NumberAndCode(17, DocumentTypes.Get("Thông báo"), "TH"), Is.EqualTo("17/TB-VP"));

    [Test]
    public void Administrative_documents_share_one_series_or_have_one_per_type_as_configured()
    {
        var plan = DocumentTypes.Get("Kế hoạch");
        var letter = DocumentTypes.Get("Công văn");
        Assert.That(Shared.SeriesFor(plan, Secrecy.None, false), Is.EqualTo(Shared.SeriesFor(letter, Secrecy.None, false)));
        Assert.That(PerType.SeriesFor(plan, Secrecy.None, false), Is.Not.EqualTo(PerType.SeriesFor(letter, Secrecy.None, false)));
    }

    [Test]
    public void Each_legal_normative_type_and_secret_documents_have_their_own_series()
    {
        var decision = DocumentTypes.Get("Quyết định");
        var resolution = DocumentTypes.Get("Nghị quyết");
        var series = new[]
        {
            Shared.SeriesFor(decision, Secrecy.None, legalNormative: true),
            Shared.SeriesFor(resolution, Secrecy.None, legalNormative: true),
            Shared.SeriesFor(decision, Secrecy.Confidential, legalNormative: false),
            Shared.SeriesFor(decision, Secrecy.None, legalNormative: false),
        };
        Assert.That(series, Is.Unique);
        Assert.That(Shared.SeriesFor(DocumentTypes.Get("Công văn"), Secrecy.TopSecret, false), Is.EqualTo(series[2]), "one secret series");
    }

    [Test]
    public void The_type_table_has_the_29_types_of_the_decree()
    {
        Assert.That(DocumentTypes.All, Has.Count.EqualTo(29));
        Assert.That(DocumentTypes.All.Select(t => t.Name), Is.Unique);
        Assert.That(DocumentTypes.All.Where(t => t.Abbreviation is not null).Select(t => t.Abbreviation), Is.Unique);
        Assert.That(DocumentTypes.All.Where(t => t.Abbreviation is null).Select(t => t.Name), Is.EquivalentTo(new[] { "Công văn", "Thư công" }));
        Assert.That(DocumentTypes.Find("quyết định".Normalize(System.Text.NormalizationForm.FormD))?.Abbreviation, Is.EqualTo("QĐ"));
    }
}
