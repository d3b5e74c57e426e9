using Platform.Portal.Staff.Clients;
using Platform.Portal.Staff.Display;

namespace Platform.Portal.Tests.Staff;

public sealed class StaffDisplayTests
{
    [Test]
    public void A_highlighted_subject_becomes_plain_pieces_with_the_matched_words_marked()
    {
        var pieces = Snippet.Parse("Kế hoạch <em>chuyển</em> đổi &lt;b&gt; <em>số</em>");
        Assert.That(pieces, Is.EqualTo(new[]
        {
            new Snippet.Piece("Kế hoạch ", false), new Snippet.Piece("chuyển", true),
            new Snippet.Piece(" đổi <b> ", false), new Snippet.Piece("số", true),
        }));
    }

    [Test]
    public void Markup_other_than_the_emphasis_stays_text_however_it_arrives()
    {
        var pieces = Snippet.Parse("<script>alert(1)</script> <em>unclosed");
        Assert.That(pieces, Has.Count.EqualTo(1));
        Assert.That(pieces[0], Is.EqualTo(new Snippet.Piece("<script>alert(1)</script> <em>unclosed", false)));
    }

    [Test]
    public void Each_unit_gets_one_bar_per_report_category_scaled_to_the_largest_count()
    {
        var chart = new TaskChart([new DashboardRow("KT", 10, 0, 5, 1, 2), new DashboardRow("VP", 2, 1, 0, 0, 0)]);
        Assert.That(chart.Bars, Has.Count.EqualTo(8));
        var kt = chart.Bars.Where(b => b.Unit == "KT").ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(kt.Select(b => b.Count), Is.EqualTo(new[] { 10, 0, 5, 1 }));
            Assert.That(kt[0].Width, Is.EqualTo(TaskChart.BarArea));
            Assert.That(kt[1].Width, Is.Zero);
            Assert.That(kt[2].Width, Is.EqualTo(TaskChart.BarArea / 2));
            Assert.That(kt[3].Width, Is.GreaterThanOrEqualTo(2), "one task still shows");
            Assert.That(chart.Bars.Select(b => b.Y), Is.Ordered.Ascending);
            Assert.That(kt[0].Label, Is.EqualTo("KT: Hoàn thành đúng hạn 10"));
        });
    }

    [Test]
    public void A_dashboard_without_tasks_draws_no_bars() =>
        Assert.That(new TaskChart([new DashboardRow("KT", 0, 0, 0, 0, 0)]).Bars.All(b => b.Width == 0), Is.True);

    [Test]
    public void The_progress_line_marks_the_steps_an_outgoing_document_has_passed()
    {
        var steps = OutgoingProgress.Of("Approved");
        Assert.Multiple(() =>
        {
            Assert.That(steps.Where(s => s.Done).Select(s => s.Status), Is.EqualTo(new[] { "Draft", "InReview", "Reviewed" }));
            Assert.That(steps.Single(s => s.Current).Status, Is.EqualTo("Approved"));
            Assert.That(OutgoingProgress.HasBeenSent("Approved"), Is.False);
            Assert.That(OutgoingProgress.HasBeenSent("Issued"), Is.True);
        });
    }

    [Test]
    public void A_recalled_document_shows_it_was_issued_then_recalled()
    {
        var steps = OutgoingProgress.Of("Recalled");
        Assert.That(steps[^1], Is.EqualTo(new OutgoingProgress.Step("Recalled", "Thu hồi", true, true)));
        Assert.That(steps.Single(s => s.Status == "Issued").Done, Is.True);
        Assert.That(steps.Single(s => s.Status == "Filed").Done, Is.False);
    }

    [TestCase("KT, TH", new[] { "KT", "TH" })]
    [TestCase(" KT;TH  VP ,kt", new[] { "KT", "TH", "VP" })]
    [TestCase("", new string[0])]
    [TestCase(null, new string[0])]
    public void Units_typed_in_a_form_become_the_list_of_codes(string? typed, string[] units) =>
        Assert.That(Labels.Units(typed), Is.EqualTo(units));

    [TestCase(0L, "0 byte")]
    [TestCase(1023L, "1023 byte")]
    [TestCase(1024L, "1 KB")]
    [TestCase(1536L, "1,5 KB")]
    [TestCase(5L * 1024 * 1024 / 2, "2,5 MB")]
    public void A_file_size_reads_with_the_Vietnamese_decimal_comma(long bytes, string shown) =>
        Assert.That(Labels.FileSize(bytes), Is.EqualTo(shown));
}
