using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Contracts;
using Platform.Contracts.Events;
using Platform.ServiceDefaults.Events;
using Platform.ServiceDefaults.Storage;
using Platform.TestSupport;

namespace Platform.Portal.Tests;

/// <summary>
/// The portal's copy of public documents ends the same whatever order its events are handled
/// in and however often: a recalled or replaced document is never on the portal, even when
/// its recall came before its issue (topics are delivered independently and concurrently).
/// </summary>
[TestFixtureSource(typeof(DatabaseKinds), nameof(DatabaseKinds.All))]
public sealed class PublicDocumentEventOrderTests(DatabaseKind database)
{
    private PortalFactory _portal = null!;
    private WebApplicationFactory<Program> _factory = null!;
    private HttpClient _visitor = null!;
    private int _number;

    [OneTimeSetUp]
    public void Start()
    {
        _portal = new PortalFactory(database);
        // Documents is down: the pages read only the portal's copy, which is what is tested.
        _factory = _portal.WithWebHostBuilder(web => web.WithOtherServicesDown());
        _visitor = _factory.CreateClient();
    }

    [OneTimeTearDown]
    public void Stop()
    {
        _visitor.Dispose();
        _factory.Dispose();
        _portal.Dispose();
    }

    [Test]
    public async Task A_recall_handled_before_the_issue_keeps_the_document_off_the_portal()
    {
        var issued = Issued();
        await HandledAsync(await _portal.Broker.PublishAsync(Recalled(issued)));
        await HandledAsync(await _portal.Broker.PublishAsync(issued));

        await AssertNotShownAsync(issued);
    }

    [Test]
    public async Task An_issue_redelivered_after_the_recall_does_not_bring_the_document_back()
    {
        var issued = Issued();
        var eventId = await _portal.Broker.PublishAsync(issued);
        await HandledAsync(eventId);
        await AssertShownAsync(issued);
        await HandledAsync(await _portal.Broker.PublishAsync(Recalled(issued)));
        await HandledAsync(await _portal.Broker.PublishAsync(Recalled(issued)));
        // The same event again (at-least-once), then the same issue sent again under a new id.
        await _portal.Broker.PublishAsync(issued, eventId);
        await HandledAsync(await _portal.Broker.PublishAsync(issued));

        await AssertNotShownAsync(issued);
    }

    [Test]
    public async Task An_issue_delivered_twice_is_listed_once()
    {
        var issued = Issued();
        var eventId = await _portal.Broker.PublishAsync(issued);
        await _portal.Broker.PublishAsync(issued, eventId);
        await HandledAsync(await _portal.Broker.PublishAsync(issued));

        var page = await AssertShownAsync(issued);
        Assert.That(CountOf(page, $"/van-ban/{issued.DocumentId}\""), Is.EqualTo(1));
    }

    [Test]
    public async Task A_replacement_handled_before_the_issue_of_the_document_it_replaces_keeps_that_one_off_the_portal()
    {
        var original = Issued();
        var replacement = Issued() with { ReplacesDocumentId = original.DocumentId };
        await HandledAsync(await _portal.Broker.PublishAsync(replacement));
        await HandledAsync(await _portal.Broker.PublishAsync(original));

        await AssertNotShownAsync(original);
        await AssertShownAsync(replacement);
    }

    [Test]
    public async Task A_replacement_takes_the_document_it_replaces_off_the_portal()
    {
        var original = Issued();
        await HandledAsync(await _portal.Broker.PublishAsync(original));
        await AssertShownAsync(original);
        var replacement = Issued() with { ReplacesDocumentId = original.DocumentId };
        await HandledAsync(await _portal.Broker.PublishAsync(replacement));

        await AssertNotShownAsync(original);
        await AssertShownAsync(replacement);
    }

    [Test]
    public async Task A_recall_and_an_issue_handled_at_the_same_moment_never_leave_the_document_on_the_portal()
    {
        // Straight to the inbox delivery, both at once, each retried as a broker retries: the
        // case of two consumers racing on the same document, which sequential publishing never shows.
        var delivery = _portal.Services.GetRequiredService<IEventDelivery>();
        var documents = Enumerable.Range(0, 8).Select(_ => Issued()).ToArray();
        await Task.WhenAll(documents.SelectMany(issued => new[]
        {
            DeliverUntilHandledAsync(delivery, EventPublisher.Envelope(issued)),
            DeliverUntilHandledAsync(delivery, EventPublisher.Envelope(Recalled(issued))),
        }));

        foreach (var issued in documents) await AssertNotShownAsync(issued);
    }

    private static async Task DeliverUntilHandledAsync(IEventDelivery delivery, CloudEvent envelope)
    {
        var json = envelope.ToJson();
        for (var attempt = 1; ; attempt++)
        {
            var outcome = await delivery.DeliverAsync(envelope.Topic!, json, CancellationToken.None);
            if (outcome == DeliveryOutcome.Success) return;
            Assert.That(outcome, Is.EqualTo(DeliveryOutcome.Retry), $"event {envelope.Type} dropped");
            Assert.That(attempt, Is.LessThan(20), $"event {envelope.Type} still failing");
            await Task.Delay(20 * attempt);
        }
    }

    private DocumentIssued Issued()
    {
        var number = Interlocked.Increment(ref _number);
        return new DocumentIssued(
            Guid.CreateVersion7(), $"{number}/TT-UBND", "Quyết định", $"Về việc điều chỉnh kế hoạch thứ tự {number}", "Nguyễn Văn A", "Chủ tịch",
            new DateOnly(2026, 11, 1 + number % 28), Secrecy.None, true, false, ["Các sở, ban, ngành"], DateTimeOffset.UtcNow);
    }

    private static DocumentRecalled Recalled(DocumentIssued issued) =>
        new(issued.DocumentId, issued.NumberAndCode, "Sai thẩm quyền ban hành", "lanhdao", DateTimeOffset.UtcNow);

    /// <summary>Waits until the portal's inbox recorded the event as handled by every handler of its topic.</summary>
    private Task HandledAsync(string eventId) => Eventually.True(async () =>
    {
        using var scope = _portal.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ServiceDbContext>();
        return await db.InboxMessages.AnyAsync(m => m.EventId == eventId);
    }, $"event {eventId} handled");

    private async Task<string> AssertShownAsync(DocumentIssued issued)
    {
        using var detail = await _visitor.GetAsync($"/van-ban/{issued.DocumentId}");
        Assert.That(detail.StatusCode, Is.EqualTo(HttpStatusCode.OK), $"{issued.NumberAndCode} has its page");
        var search = await _visitor.GetStringAsync($"/van-ban?q={Uri.EscapeDataString(issued.NumberAndCode)}");
        Assert.That(search, Does.Contain($"/van-ban/{issued.DocumentId}\""), $"{issued.NumberAndCode} is found");
        return search;
    }

    private async Task AssertNotShownAsync(DocumentIssued issued)
    {
        using var detail = await _visitor.GetAsync($"/van-ban/{issued.DocumentId}");
        Assert.That(detail.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), $"{issued.NumberAndCode} has no page");
        var search = await _visitor.GetStringAsync($"/van-ban?q={Uri.EscapeDataString(issued.NumberAndCode)}");
        Assert.That(search, Does.Not.Contain($"/van-ban/{issued.DocumentId}"), $"{issued.NumberAndCode} is not found");
    }

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal)) count++;
        return count;
    }
}
