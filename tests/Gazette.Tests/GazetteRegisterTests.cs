using System.Net;
using System.Net.Http.Json;
using Platform.Contracts;
using Platform.Contracts.Events;
using Platform.Gazette.Domain;
using Platform.TestSupport;

namespace Platform.Gazette.Tests;

[TestFixtureSource(typeof(DatabaseKinds), nameof(DatabaseKinds.All))]
public sealed class GazetteRegisterTests(DatabaseKind database)
{
    private GazetteFactory _factory = null!;
    private HttpClient _editor = null!;

    [OneTimeSetUp]
    public void Start()
    {
        _factory = new GazetteFactory(database);
        // The consumers listen once the host has started, which the first client does.
        _editor = _factory.ClientFor(TestUser.GazetteEditor);
    }

    [OneTimeTearDown]
    public void Stop()
    {
        _editor.Dispose();
        _factory.Dispose();
    }

    private static DocumentIssued Issued(bool legalNormative = true, Secrecy secrecy = Secrecy.None, bool isPublic = true) => new(
        Guid.NewGuid(), "15/2026/QĐ-UBND", "Quyết định", "Ban hành Quy định phân cấp quản lý đường bộ trên địa bàn tỉnh",
        "Nguyễn Văn A", "Chủ tịch", new DateOnly(2026, 11, 20), secrecy, isPublic, legalNormative,
        ["Sở Tư pháp", "Sở Giao thông vận tải"], DateTimeOffset.UtcNow);

    private async Task<GazetteEntry[]> RegisterAsync() => (await _editor.GetFromJsonAsync<GazetteEntry[]>("/api/gazette/register"))!;

    private Task<GazetteEntry[]> RegisterOnceEnteredAsync(Guid documentId) =>
        Eventually.UntilAsync(RegisterAsync, entries => entries.Any(e => e.DocumentId == documentId), what: "in the register");

    /// <summary>
    /// One consumer handles a topic in order, so once a document published after the others is
    /// in the register, every earlier event was handled too.
    /// </summary>
    private async Task<GazetteEntry[]> RegisterAfterAllHandledAsync()
    {
        var last = Issued();
        await _factory.Broker.PublishAsync(last);
        return await RegisterOnceEnteredAsync(last.DocumentId);
    }

    [Test]
    public async Task An_issued_legal_normative_document_enters_the_register()
    {
        var issued = Issued();
        await _factory.Broker.PublishAsync(issued);

        var entry = (await RegisterOnceEnteredAsync(issued.DocumentId)).Single(e => e.DocumentId == issued.DocumentId);

        Assert.Multiple(() =>
        {
            Assert.That(entry.NumberAndCode, Is.EqualTo("15/2026/QĐ-UBND"));
            Assert.That(entry.DocumentType, Is.EqualTo("Quyết định"));
            Assert.That(entry.Subject, Is.EqualTo(issued.Subject));
            Assert.That(entry.SignedDate, Is.EqualTo(new DateOnly(2026, 11, 20)));
        });
    }

    [Test]
    public async Task A_document_that_is_not_legal_normative_stays_out()
    {
        var ordinary = Issued(legalNormative: false);
        await _factory.Broker.PublishAsync(ordinary);

        var register = await RegisterAfterAllHandledAsync();

        Assert.That(register.Select(e => e.DocumentId), Does.Not.Contain(ordinary.DocumentId));
    }

    [TestCase(Secrecy.Confidential)]
    [TestCase(Secrecy.Secret)]
    [TestCase(Secrecy.TopSecret)]
    public async Task A_secret_legal_normative_document_never_enters_the_register(Secrecy secrecy)
    {
        // Flags that would otherwise let it in: secrecy alone must keep it out.
        var secret = Issued(legalNormative: true, secrecy: secrecy, isPublic: true);
        await _factory.Broker.PublishAsync(secret);

        var register = await RegisterAfterAllHandledAsync();

        Assert.That(register.Select(e => e.DocumentId), Does.Not.Contain(secret.DocumentId));
    }

    [Test]
    public async Task The_same_document_announced_twice_is_entered_once()
    {
        var issued = Issued();
        var eventId = await _factory.Broker.PublishAsync(issued);
        await _factory.Broker.PublishAsync(issued, eventId);
        // A second announcement with an id of its own (a re-issue from another outbox row) must not duplicate it either.
        await _factory.Broker.PublishAsync(issued);

        var register = await RegisterAfterAllHandledAsync();

        Assert.That(register.Count(e => e.DocumentId == issued.DocumentId), Is.EqualTo(1));
    }

    [Test]
    public async Task The_register_is_for_gazette_editors_leaders_clerks_and_administrators()
    {
        using var specialist = _factory.ClientFor(TestUser.Specialist);
        Assert.That((await specialist.GetAsync("/api/gazette/register")).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        using var portalEditor = _factory.ClientFor(TestUser.PortalEditor);
        Assert.That((await portalEditor.GetAsync("/api/gazette/register")).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        using var anonymous = _factory.ClientFor(null);
        Assert.That((await anonymous.GetAsync("/api/gazette/register")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        foreach (var user in new[] { TestUser.GazetteEditor, TestUser.Leader, TestUser.Clerk, TestUser.Administrator })
        {
            using var allowed = _factory.ClientFor(user);
            Assert.That((await allowed.GetAsync("/api/gazette/register")).StatusCode, Is.EqualTo(HttpStatusCode.OK), user.Username);
        }
    }
}
