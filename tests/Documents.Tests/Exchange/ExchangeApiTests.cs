using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Documents.Apis;
using Platform.Documents.Exchange;
using Platform.TestSupport;

namespace Platform.Documents.Tests.Exchange;

[TestFixtureSource(typeof(DatabaseKinds), nameof(DatabaseKinds.All))]
public sealed class ExchangeApiTests(DatabaseKind database)
{
    private DocumentsFactory _factory = null!;
    private OutgoingDriver _flow = null!;

    [OneTimeSetUp]
    public void Start()
    {
        _factory = new DocumentsFactory(database);
        _flow = new OutgoingDriver(_factory);
    }

    [OneTimeTearDown]
    public void Stop()
    {
        _flow.Dispose();
        _factory.Dispose();
    }

    [Test]
    public async Task The_agency_directory_lists_the_sample_agencies_and_marks_ourselves()
    {
        var agencies = (await _flow.Clerk.GetFromJsonAsync<AgencyView[]>("/api/documents/exchange/agencies"))!;
        Assert.That(agencies.Single(a => a.IsSelf).Code, Is.EqualTo(SampleAgencies.ProvinceOffice));
        Assert.That(agencies.Select(a => a.Name), Has.Member("Sở Tài chính"));
    }

    [Test]
    public async Task An_issued_document_is_exported_as_an_edxml_package_for_one_agency()
    {
        var issued = await _flow.IssuedAsync();
        var response = await _flow.Clerk.GetAsync($"/api/documents/exchange/outgoing/{issued.Id}/package/000.00.03.H56");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/xml"));
        var package = EdXmlReader.Read(await response.Content.ReadAsStreamAsync());
        Assert.Multiple(() =>
        {
            Assert.That(package.Header.From.OrganId, Is.EqualTo(SampleAgencies.ProvinceOffice));
            Assert.That(package.Header.To, Is.EqualTo(new Organization("000.00.03.H56", "Ủy ban nhân dân tỉnh", "Sở Tài chính")));
            Assert.That(package.Header.Code.ToString(), Is.EqualTo(issued.NumberAndCode));
            Assert.That(package.Header.DocumentId, Does.EndWith("," + issued.NumberAndCode));
            Assert.That(package.Header.Signer.FullName, Is.EqualTo("Nguyễn Văn B"));
            Assert.That(package.Attachments, Has.Count.EqualTo(issued.Attachments.Count));
            Assert.That(package.Signatures.Select(s => s.Kind.ToString()), Is.EquivalentTo(new[] { "Signer", "Seal" }), "signer and seal travel along");
            Assert.That(package.Header.Other.PageAmount, Is.GreaterThan(0));
        });
    }

    [Test]
    public async Task An_unknown_agency_or_a_draft_gets_a_vietnamese_problem()
    {
        var issued = await _flow.IssuedAsync();
        var unknown = await _flow.Clerk.GetAsync($"/api/documents/exchange/outgoing/{issued.Id}/package/999.99.99.Z99");
        Assert.That(unknown.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That((await unknown.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString(), Is.EqualTo("unknown-agency"));

        var draft = await _flow.CreateAsync();
        var notIssued = await _flow.Clerk.GetAsync($"/api/documents/exchange/outgoing/{draft.Id}/package/000.00.03.H56");
        Assert.That(notIssued.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That((await notIssued.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), Does.Contain("đã ký số, cấp số và phát hành"));
    }

    [Test]
    public async Task A_secret_document_is_never_packaged_even_for_a_cleared_clerk()
    {
        using var clearedSpecialist = _factory.ClientFor(TestUser.Specialist with { Clearance = "confidential" });
        var secret = await (await clearedSpecialist.PostAsJsonAsync("/api/documents/outgoing", OutgoingDriver.Draft(secrecy: "Confidential")))
            .Content.ReadFromJsonAsync<OutgoingDocumentView>();
        var response = await _flow.Clerk.GetAsync($"/api/documents/exchange/outgoing/{secret!.Id}/package/000.00.03.H56");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(problem.GetProperty("code").GetString(), Is.EqualTo("secret-not-exchanged"));
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("Văn bản mật không được gửi"));
    }

    [Test]
    public async Task Only_clerks_and_administrators_export_packages()
    {
        var issued = await _flow.IssuedAsync();
        var response = await _flow.Specialist.GetAsync($"/api/documents/exchange/outgoing/{issued.Id}/package/000.00.03.H56");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [Test]
    public async Task An_agency_no_channel_reaches_shows_as_failed_with_the_reason_instead_of_waiting_forever()
    {
        var issued = await _flow.IssuedAsync(new
        {
            documentType = "Công văn",
            subject = "Về việc góp ý dự thảo kế hoạch",
            urgency = "Normal",
            secrecy = "None",
            recipients = new[] { "Sở Tài chính", "Lưu: VT" },
            copyCount = 2,
        });
        var recipient = await Eventually.Returns(
            async () => (await _flow.Clerk.GetFromJsonAsync<RecipientView[]>($"/api/documents/outgoing/{issued.Id}/recipients"))!.Single(),
            r => r.Status == "Failed", "the delivery given up");
        Assert.Multiple(() =>
        {
            Assert.That(recipient.AgencyCode, Is.EqualTo("000.00.03.H56"));
            Assert.That(recipient.LastError, Does.Contain("trục liên thông chưa được kết nối"));
            Assert.That(recipient.NextAttemptUtc, Is.Null, "nothing will carry it until the directory or the axis changes");
        });
    }
}
