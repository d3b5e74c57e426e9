using Platform.Contracts;
using Platform.Contracts.Events;
using Platform.Security.Tests.BadInput;
using Platform.Security.Tests.Endpoints;
using Platform.Security.Tests.Hosting;
using Platform.TestSupport;

namespace Platform.Security.Tests.AccessControl;

/// <summary>
/// Secret documents never reach the portal or the gazette (DOMAIN.md section 1), even when an
/// issued event wrongly marks one public and legal normative. Documents at every secrecy level are
/// issued onto the bus next to a public one; once the public one shows, every GET of the service,
/// asked by every caller with the secret documents' ids in its route, must not carry their text.
/// (tests/Documents.Tests has the leak test across the Documents service's own REST, search and gRPC.)
/// </summary>
[TestFixture("portal", "/van-ban", "anonymous")]
[TestFixture("gazette", "/api/gazette/register", Platform.ServiceDefaults.Auth.Roles.GazetteEditor)]
public sealed class LeakTests(string service, string controlPath, string controlCaller)
{
    [Test]
    public async Task No_secret_document_or_its_text_appears_on_any_read_path_for_anyone()
    {
        await using var running = PlatformServices.Start(service, DatabaseKind.Sqlite);
        var run = Guid.NewGuid().ToString("N")[..8];
        var secrets = new[] { Secrecy.Confidential, Secrecy.Secret, Secrecy.TopSecret }
            .Select(level => Issued(level, $"Trích yếu mật {level} {run}", $"9{(int)level}/{run}/QĐ-UBND")).ToList();
        var control = Issued(Secrecy.None, $"Trích yếu công khai {run}", $"01/{run}/QĐ-UBND");
        foreach (var secret in secrets) await running.Broker.PublishAsync(secret);
        await running.Broker.PublishAsync(control);

        using (var client = running.ClientFor(Principals.All[controlCaller]))
        {
            await Eventually.True(async () => (await client.GetStringAsync(controlPath)).Contains(control.Subject, StringComparison.Ordinal),
                "the public document reached the read model");
        }

        var leaks = new List<string>();
        var reads = 0;
        var gets = EndpointCatalog.Of(service, running.Services).Where(e => e.Method == "GET" && !BadInputTests.SharedPlumbing(e)).ToList();
        foreach (var (role, user) in Principals.All)
        {
            using var client = running.ClientFor(user);
            foreach (var endpoint in gets)
            {
                foreach (var secret in secrets)
                {
                    var path = endpoint.PathWith(input => input.Constraint == "guid" || input.ValueType == typeof(Guid)
                        ? secret.DocumentId.ToString() : HostileRequests.PlausibleRouteValue(input));
                    using var response = await client.GetAsync(path);
                    var body = await response.Content.ReadAsStringAsync();
                    reads++;
                    foreach (var text in new[] { secret.Subject, secret.NumberAndCode, "mật " + secret.Secrecy })
                    {
                        if (body.Contains(text, StringComparison.Ordinal)) leaks.Add($"{role} GET {path}: shows '{text}'");
                    }
                }
            }
        }
        TestContext.Out.WriteLine($"{service}: {reads} reads by {Principals.All.Count} callers");
        Assert.That(leaks, Is.Empty, string.Join("\n", leaks.Distinct()));
    }

    private static DocumentIssued Issued(Secrecy secrecy, string subject, string numberAndCode) => new(
        Guid.CreateVersion7(), numberAndCode, "Quyết định", subject, "Nguyễn Văn A", "Chủ tịch",
        DateOnly.FromDateTime(DateTime.UtcNow), secrecy, IsPublic: true, IsLegalNormative: true, ["Sở Tư pháp"], DateTimeOffset.UtcNow);
}
