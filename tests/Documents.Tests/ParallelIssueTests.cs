using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Platform.Documents.Apis;
using Platform.Documents.Domain;
using Platform.Documents.Files;
using Platform.Documents.Persistence;
using Platform.ServiceDefaults.Auth;
using Platform.TestSupport;

namespace Platform.Documents.Tests;

/// <summary>The numbering guarantee under load, on each database, through the real issue endpoint.</summary>
[TestFixtureSource(typeof(DatabaseKinds), nameof(DatabaseKinds.All))]
public sealed class ParallelIssueTests(DatabaseKind database)
{
    [Test]
    public async Task Two_hundred_documents_issued_in_parallel_get_numbers_1_to_200_without_gap_or_repeat()
    {
        using var factory = new DocumentsFactory(database);
        using var clerk = factory.ClientFor(TestUser.Clerk);
        var ids = await SeedSignedDocumentsAsync(factory, 200);

        var responses = await Task.WhenAll(ids.Select(id => clerk.PostAsJsonAsync($"/api/documents/outgoing/{id}/issue", new { })));
        var failures = responses.Where(r => r.StatusCode != HttpStatusCode.OK).ToArray();
        Assert.That(failures, Is.Empty, failures.Length == 0 ? "" : await failures[0].Content.ReadAsStringAsync());
        var views = await Task.WhenAll(responses.Select(r => r.Content.ReadFromJsonAsync<OutgoingDocumentView>()));
        Assert.That(views.Select(v => v!.Number!.Value).Order(), Is.EqualTo(Enumerable.Range(1, 200)));
        Assert.That(views.Select(v => v!.NumberAndCode), Is.Unique);
        Assert.That(views.Single(v => v!.Number == 7)!.NumberAndCode, Is.EqualTo("07/KH-UBND"));
    }

    /// <summary>
    /// Signed documents written straight through the domain: the flow before issue is covered
    /// elsewhere, and 1,200 set-up requests would only slow this test down.
    /// </summary>
    private static async Task<Guid[]> SeedSignedDocumentsAsync(DocumentsFactory factory, int count)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<DocumentsDbContext>();
        var files = scope.ServiceProvider.GetRequiredService<IFileStore>();
        var pdf = TestFiles.Pdf("Ke hoach");
        var stored = await files.SaveAsync(new MemoryStream(pdf), long.MaxValue, CancellationToken.None);
        var specialist = new Actor("chuyenvien", "KT", new HashSet<string> { Roles.Specialist });
        var leader = new Actor("lanhdao", "VP", new HashSet<string> { Roles.Leader });
        var ids = new Guid[count];
        for (var i = 0; i < count; i++)
        {
            var document = new OutgoingDocument
            {
                Id = Guid.CreateVersion7(),
                DocumentType = "Kế hoạch",
                Subject = $"Kế hoạch số {i}",
                DraftingUnit = "KT",
                DraftedBy = "chuyenvien",
                Recipients = ["Sở Nội vụ"],
            };
            document.Submit(specialist);
            document.Review(leader);
            document.Approve(leader);
            document.Sign(leader, "Nguyễn Văn B", "CHỦ TỊCH", hasMainFile: true, DateTime.UtcNow);
            db.OutgoingDocuments.Add(document);
            db.Attachments.Add(new Attachment
            {
                Id = Guid.CreateVersion7(), DocumentId = document.Id, FileName = "kh.pdf", ContentType = "application/pdf",
                Length = stored.Length, Sha256 = stored.Sha256, IsMain = true, UploadedBy = "chuyenvien", UploadedAtUtc = DateTime.UtcNow,
            });
            ids[i] = document.Id;
        }
        await db.SaveChangesAsync();
        return ids;
    }
}
