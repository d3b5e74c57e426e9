using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Platform.Contracts;
using Platform.Security.Tests.Hosting;
using Platform.ServiceDefaults.Auth;
using Platform.TestSupport;

namespace Platform.Security.Tests.AccessControl;

/// <summary>
/// Secret documents never leave in an exchange package (DOMAIN.md section 2). Outgoing documents at every
/// secrecy level are carried to issue by people cleared for them, with a file whose text names the secret;
/// then every read of the exchange (the edXML package export to each agency, the agency directory, the
/// received packages, an issued document's recipients over the exchange) is asked by every caller, the
/// cleared clerk included, with the secret ids in its route. No answer may carry the subject, the number
/// and code, or the file. A public control is packaged, so the sweep reads real packages.
/// </summary>
public sealed class ExchangeLeakTests
{
    private static readonly TestUser ClearedSpecialist = new("chuyenvien-mat", "VP", "top-secret", Roles.Specialist);
    private static readonly TestUser ClearedClerk = new("vanthu-mat", "VP", "top-secret", Roles.Clerk);
    private const string Agency = "000.00.03.H56";

    [Test]
    public async Task No_exchange_package_or_exchange_read_carries_a_secret_document()
    {
        await using var running = PlatformServices.Start("documents", DatabaseKind.Sqlite);
        var run = Guid.NewGuid().ToString("N")[..8];
        var watch = new LeakWatch();
        var secretIds = new List<string>();
        foreach (var level in new[] { Secrecy.Confidential, Secrecy.Secret, Secrecy.TopSecret })
        {
            var token = LeakWatch.Token(level, run);
            var file = Pdf(token);
            var (id, numberAndCode) = await IssueAsync(running, level, $"Phương án bảo vệ mục tiêu {token}", file);
            watch.Watch(level, token, $"Phương án bảo vệ mục tiêu {token}", numberAndCode, Convert.ToBase64String(file));
            secretIds.Add(id.ToString());
            using var clerk = running.ClientFor(ClearedClerk);
            using var send = await clerk.PostAsJsonAsync($"/api/documents/outgoing/{id}/recipients", new { agencies = new[] { Agency } });
            Assert.That((int)send.StatusCode, Is.EqualTo(422), "sending a secret document over the exchange is refused");
            await watch.InspectAsync("cleared clerk", $"POST recipients of {level}", send);
        }
        var controlToken = $"CONGKHAI{run}".ToUpperInvariant();
        var (controlId, _) = await IssueAsync(running, Secrecy.None, $"Kế hoạch công khai {controlToken}", Pdf(controlToken));
        using (var clerk = running.ClientFor(TestUser.Clerk))
        {
            var package = await clerk.GetStringAsync($"/api/documents/exchange/outgoing/{controlId}/package/{Agency}");
            Assert.That(package, Does.Contain(controlToken), "the control's package is built, so the sweep reads real packages");
        }

        await new LeakSweep(running, watch)
        {
            Covers = e => e.Route.StartsWith("/api/documents/exchange", StringComparison.Ordinal) || e.Route.EndsWith("/recipients", StringComparison.Ordinal),
            RouteValues = input => input.Name == "agencyCode" ? [Agency, "000.00.00.G12"]
                : input.Constraint == "guid" || input.ValueType == typeof(Guid) ? secretIds : null,
        }.RunForEveryoneAsync(("cleared clerk", ClearedClerk), ("cleared specialist", ClearedSpecialist));
        watch.AssertNone("exchange");
    }

    /// <summary>Draft to issue, each step by whom DOMAIN.md names, all cleared for the level; the id and the number given at issue.</summary>
    private static async Task<(Guid Id, string NumberAndCode)> IssueAsync(RunningService running, Secrecy level, string subject, byte[] file)
    {
        using var specialist = running.ClientFor(ClearedSpecialist);
        using var leader = running.ClientFor(TestUser.Leader);
        using var clerk = running.ClientFor(ClearedClerk);
        var draft = await Ok(await specialist.PostAsJsonAsync("/api/documents/outgoing", new
        {
            documentType = "Quyết định", subject, urgency = "Normal", secrecy = level.ToString(),
            recipients = new[] { "Sở Tài chính" }, copyCount = 1, isPublic = false, isLegalNormative = false,
        }));
        var id = draft.GetProperty("id").GetGuid();
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        using var form = new MultipartFormDataContent { { content, "file", "phuong-an.pdf" }, { new StringContent("true"), "main" } };
        await Ok(await specialist.PostAsync($"/api/documents/outgoing/{id}/attachments", form));
        await Ok(await specialist.PostAsJsonAsync($"/api/documents/outgoing/{id}/submit", new { }));
        await Ok(await leader.PostAsJsonAsync($"/api/documents/outgoing/{id}/review", new { }));
        await Ok(await leader.PostAsJsonAsync($"/api/documents/outgoing/{id}/approve", new { }));
        await Ok(await leader.PostAsJsonAsync($"/api/documents/outgoing/{id}/sign", new { signerName = "Trần Văn C", signerPosition = "TM. ỦY BAN NHÂN DÂN - CHỦ TỊCH" }));
        var issued = await Ok(await clerk.PostAsJsonAsync($"/api/documents/outgoing/{id}/issue", new { }));
        return (id, issued.GetProperty("numberAndCode").GetString()!);
    }

    private static async Task<JsonElement> Ok(HttpResponseMessage response)
    {
        using (response)
        {
            var body = await response.Content.ReadAsStringAsync();
            Assert.That(response.IsSuccessStatusCode, Is.True, $"{response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {body}");
            return JsonDocument.Parse(body).RootElement.Clone();
        }
    }

    /// <summary>A one-page PDF whose text (what the search index extracts, what a package carries) names the token.</summary>
    private static byte[] Pdf(string token) => Encoding.ASCII.GetBytes($"%PDF-1.4\n% Phuong an bao ve {token}\n%%EOF\n");
}
