using System.Net;
using System.Net.Http.Json;
using Platform.TestSupport;
using static Platform.Portal.Apis.StaffApi;

namespace Platform.Portal.Tests;

[TestFixtureSource(typeof(DatabaseKinds), nameof(DatabaseKinds.All))]
public sealed class StaffApiTests(DatabaseKind database)
{
    private PortalFactory _factory = null!;

    [OneTimeSetUp]
    public void Start() => _factory = new PortalFactory(database);

    [OneTimeTearDown]
    public void Stop() => _factory.Dispose();

    [Test]
    public async Task The_staff_profile_needs_a_signed_in_person()
    {
        using var anonymous = _factory.ClientFor(null);
        Assert.That((await anonymous.GetAsync("/staff/api/me")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task The_staff_profile_gives_the_persons_unit_clearance_and_roles()
    {
        var leader = TestUser.Leader with { Unit = "VP", Roles = [Platform.ServiceDefaults.Auth.Roles.Leader, Platform.ServiceDefaults.Auth.Roles.GazetteEditor] };
        using var client = _factory.ClientFor(leader);

        var me = await client.GetFromJsonAsync<StaffProfile>("/staff/api/me");

        Assert.Multiple(() =>
        {
            Assert.That(me!.Username, Is.EqualTo(leader.Username));
            Assert.That(me.Unit, Is.EqualTo("VP"));
            Assert.That(me.Clearance, Is.EqualTo("TopSecret"));
            Assert.That(me.Roles, Is.EquivalentTo(new[] { "leader", "gazette-editor" }));
        });
    }
}
