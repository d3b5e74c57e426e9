using Platform.Gazette.Apis;

namespace Platform.Gazette.Tests;

public sealed class ManualIntakeFormTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    private static ManualIntakeForm Valid() => new()
    {
        NumberAndCode = "05/2026/QĐ-UBND",
        DocumentType = "Quyết định",
        Subject = "Ban hành quy định",
        IssuingBody = "Ủy ban nhân dân tỉnh",
        SignerName = "Nguyễn Văn A",
        SignedDate = Today,
    };

    [Test]
    public void A_complete_form_passes() => Assert.That(Valid().Validate(Today), Is.Empty);

    // Found by tests/Security.Tests: these reached PostgreSQL's varchar columns and answered 500 there.
    [Test]
    public void Fields_longer_than_their_columns_are_refused_before_storage()
    {
        var form = Valid();
        form.DocumentType = new string('Q', 101);
        form.IssuingBody = new string('U', 201);
        form.SignerName = new string('N', 201);

        Assert.That(form.Validate(Today).Keys, Is.EquivalentTo(new[] { "documentType", "issuingBody", "signerName" }));
    }
}
