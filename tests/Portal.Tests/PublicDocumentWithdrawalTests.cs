using Platform.Portal.Domain;

namespace Platform.Portal.Tests;

public sealed class PublicDocumentWithdrawalTests
{
    private static readonly DateTimeOffset Recall = new(2026, 11, 20, 9, 0, 0, TimeSpan.FromHours(7));

    [Test]
    public void A_withdrawn_document_loses_its_files()
    {
        var document = new PublicDocument
        {
            DocumentId = Guid.NewGuid(), NumberAndCode = "5/QĐ-UBND", DocumentType = "Quyết định", Subject = "Về việc", SignerName = "Nguyễn Văn A",
            Files = [new PublicDocumentFile { FileId = Guid.NewGuid(), FileName = "qd.pdf", ContentType = "application/pdf", Length = 10 }],
        };

        document.Withdraw(PublicDocumentWithdrawal.Recalled, Recall);

        Assert.Multiple(() =>
        {
            Assert.That(document.WithdrawnAt, Is.EqualTo(Recall));
            Assert.That(document.WithdrawnBecause, Is.EqualTo(PublicDocumentWithdrawal.Recalled));
            Assert.That(document.Files, Is.Empty);
        });
    }

    [Test]
    public void The_first_withdrawal_stands()
    {
        var tombstone = PublicDocument.WithdrawnBeforeIssue(Guid.NewGuid(), "5/QĐ-UBND", PublicDocumentWithdrawal.Recalled, Recall);

        tombstone.Withdraw(PublicDocumentWithdrawal.Replaced, Recall.AddDays(3));

        Assert.Multiple(() =>
        {
            Assert.That(tombstone.WithdrawnAt, Is.EqualTo(Recall));
            Assert.That(tombstone.WithdrawnBecause, Is.EqualTo(PublicDocumentWithdrawal.Recalled));
        });
    }
}
