using Platform.Portal.Domain;

namespace Platform.Portal.Tests;

public sealed class TrackingCodeTests
{
    [Test]
    public void A_tracking_code_is_grouped_and_uses_no_easily_confused_letters()
    {
        var code = TrackingCode.New();
        Assert.That(code, Does.Match("^PAKN-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$"));
    }

    [Test]
    public void Tracking_codes_do_not_repeat()
    {
        var codes = Enumerable.Range(0, 10_000).Select(_ => TrackingCode.New()).ToHashSet();
        Assert.That(codes, Has.Count.EqualTo(10_000));
    }

    [TestCase("pakn-7k3m-9qxd-2h4f", "PAKN-7K3M-9QXD-2H4F")]
    [TestCase(" 7K3M 9QXD 2H4F ", "PAKN-7K3M-9QXD-2H4F")]
    [TestCase("PAKN-OK3M-9QXD-2H4L", "PAKN-0K3M-9QXD-2H41")]
    public void A_typed_code_is_read_forgivingly(string typed, string expected) =>
        Assert.That(TrackingCode.Normalize(typed), Is.EqualTo(expected));

    [TestCase("")]
    [TestCase("PAKN-7K3M-9QXD")]
    [TestCase("PAKN-7K3M-9QXD-2H4U")]
    [TestCase("' OR 1=1 --")]
    public void Something_that_cannot_be_a_code_is_refused(string typed) =>
        Assert.That(TrackingCode.Normalize(typed), Is.Null);
}
