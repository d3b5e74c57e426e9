using Platform.Documents.Domain;
using Platform.Documents.Search;

namespace Platform.Documents.Tests.Search;

public sealed class DocumentStatusNamesTests
{
    [TestCase("Registered", "Đã vào sổ")]
    [TestCase("Assigned", "Đã có ý kiến chỉ đạo")]
    [TestCase("Done", "Đã giải quyết")]
    [TestCase("Draft", "Dự thảo")]
    [TestCase("Issued", "Đã phát hành")]
    [TestCase("Recalled", "Đã thu hồi")]
    public void A_status_code_of_the_index_reads_in_Vietnamese(string code, string name) =>
        Assert.That(DocumentStatusNames.Of(code), Is.EqualTo(name));

    [Test]
    public void Every_incoming_and_outgoing_status_has_its_own_name_and_no_code_is_shared()
    {
        var codes = Enum.GetNames<IncomingStatus>().Concat(Enum.GetNames<OutgoingStatus>()).ToArray();
        Assert.That(codes, Is.Unique);
        Assert.That(codes.Where(code => codes.Contains(DocumentStatusNames.Of(code))), Is.Empty, "shown as a raw code");
    }

    [TestCase("registered")]
    [TestCase("3")]
    [TestCase("Unknown")]
    public void Anything_else_stays_as_it_came(string code) =>
        Assert.That(DocumentStatusNames.Of(code), Is.EqualTo(code));

    [TestCase(Facets.Status, "Registered", "Đã vào sổ")]
    [TestCase(Facets.Urgency, "Flash", "Hỏa tốc")]
    [TestCase(Facets.Type, "Công văn", "Công văn")]
    [TestCase(Facets.IssuingBody, "Done", "Done")]
    public void A_facet_value_is_named_by_its_facet(string facet, string value, string label) =>
        Assert.That(DocumentStatusNames.FacetLabel(facet, value), Is.EqualTo(label));
}
