using System.Text.Json;
using Platform.Identity.Realm;

namespace Platform.Identity.Tests;

/// <summary>The realm file is a Keycloak realm export that Keycloak 26 can import as it is.</summary>
public sealed class RealmFileTests
{
    public static readonly string RealmFilePath = Path.Combine(AppContext.BaseDirectory, "realm", "platform-realm.json");

    private static readonly string[] SampleUsers = ["vanthu", "chuyenvien", "lanhdao", "bientap", "congbao", "quantri"];
    private static readonly string[] ServiceClients = ["documents", "tasks", "portal-backend", "gazette", "reporting"];

    private static JsonElement realm;

    [OneTimeSetUp]
    public void Load() => realm = JsonDocument.Parse(File.ReadAllText(RealmFilePath)).RootElement.Clone();

    [Test]
    public void Realm_settings_include_brute_force_protection()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(realm.GetProperty("realm").GetString(), Is.EqualTo("platform"));
            Assert.That(realm.GetProperty("enabled").GetBoolean(), Is.True);
            Assert.That(realm.GetProperty("displayName").GetString(), Is.EqualTo("UBND tỉnh — Văn phòng"));
            Assert.That(realm.GetProperty("bruteForceProtected").GetBoolean(), Is.True);
            Assert.That(realm.GetProperty("failureFactor").GetInt32(), Is.EqualTo(5));
            Assert.That(realm.GetProperty("waitIncrementSeconds").GetInt32(), Is.EqualTo(60));
            Assert.That(realm.GetProperty("maxFailureWaitSeconds").GetInt32(), Is.EqualTo(900));
        }
    }

    [Test]
    public void Realm_roles_are_the_office_roles_with_descriptions()
    {
        var roles = realm.GetProperty("roles").GetProperty("realm").EnumerateArray().ToList();

        Assert.That(roles.Select(r => r.GetProperty("name").GetString()),
            Is.SupersetOf(new[] { "clerk", "specialist", "leader", "portal-editor", "gazette-editor", "administrator" }));
        Assert.That(roles.Select(r => r.GetProperty("description").GetString()), Has.All.Not.Empty);
    }

    [Test]
    public void User_profile_keeps_unmanaged_attributes_so_unit_and_clearance_survive_import()
    {
        var provider = realm.GetProperty("components").GetProperty("org.keycloak.userprofile.UserProfileProvider")[0];
        var config = JsonDocument.Parse(provider.GetProperty("config").GetProperty("kc.user.profile.config")[0].GetString()!).RootElement;

        Assert.That(provider.GetProperty("providerId").GetString(), Is.EqualTo("declarative-user-profile"));
        Assert.That(config.GetProperty("unmanagedAttributePolicy").GetString(), Is.EqualTo("ENABLED"));
        Assert.That(config.GetProperty("attributes").EnumerateArray().Select(a => a.GetProperty("name").GetString()),
            Is.SupersetOf(new[] { "username", "email", "firstName", "lastName" }));
    }

    [Test]
    public void Sample_users_have_hashed_passwords_in_keycloak_credential_format()
    {
        foreach (var username in SampleUsers)
        {
            var credential = User(username).GetProperty("credentials")[0];
            var secret = JsonDocument.Parse(credential.GetProperty("secretData").GetString()!).RootElement;
            var data = JsonDocument.Parse(credential.GetProperty("credentialData").GetString()!).RootElement;
            using (Assert.EnterMultipleScope())
            {
                Assert.That(credential.GetProperty("type").GetString(), Is.EqualTo("password"), username);
                Assert.That(credential.TryGetProperty("value", out _), Is.False, $"{username}'s password must not be in clear");
                Assert.That(Convert.FromBase64String(secret.GetProperty("value").GetString()!), Has.Length.EqualTo(32), username);
                Assert.That(Convert.FromBase64String(secret.GetProperty("salt").GetString()!), Has.Length.EqualTo(16), username);
                Assert.That(secret.GetProperty("additionalParameters").ValueKind, Is.EqualTo(JsonValueKind.Object));
                Assert.That(data.GetProperty("hashIterations").GetInt32(), Is.EqualTo(27500));
                Assert.That(data.GetProperty("algorithm").GetString(), Is.EqualTo("pbkdf2-sha256"));
                Assert.That(data.GetProperty("additionalParameters").ValueKind, Is.EqualTo(JsonValueKind.Object));
            }
        }
    }

    [Test]
    public void Sample_users_have_a_unit_and_a_known_clearance()
    {
        foreach (var username in SampleUsers)
        {
            var attributes = User(username).GetProperty("attributes");
            Assert.That(attributes.GetProperty("unit")[0].GetString(), Is.Not.Empty, username);
            Assert.That(attributes.GetProperty("clearance")[0].GetString(), Is.AnyOf("none", "confidential", "secret", "top-secret"), username);
        }
    }

    [Test]
    public void Each_service_client_has_a_service_account_user()
    {
        foreach (var clientId in ServiceClients)
        {
            var client = Client(clientId);
            var account = User("service-account-" + clientId);
            using (Assert.EnterMultipleScope())
            {
                Assert.That(client.GetProperty("serviceAccountsEnabled").GetBoolean(), Is.True, clientId);
                Assert.That(client.GetProperty("publicClient").GetBoolean(), Is.False, clientId);
                Assert.That(client.GetProperty("secret").GetString(), Is.EqualTo(clientId + "-secret-dev"));
                Assert.That(account.GetProperty("serviceAccountClientId").GetString(), Is.EqualTo(clientId));
            }
        }
    }

    [Test]
    public void Every_client_asks_for_rfc9068_tokens_and_maps_audience_attributes_and_roles()
    {
        foreach (var client in realm.GetProperty("clients").EnumerateArray())
        {
            var id = client.GetProperty("clientId").GetString();
            var mappers = client.GetProperty("protocolMappers").EnumerateArray().ToList();
            var ofType = (string type) => mappers.Where(m => m.GetProperty("protocolMapper").GetString() == type).ToList();
            using (Assert.EnterMultipleScope())
            {
                Assert.That(client.GetProperty("attributes").GetProperty("access.token.header.type.rfc9068").GetString(), Is.EqualTo("true"), id);
                Assert.That(ofType("oidc-audience-mapper").Select(m => m.GetProperty("config").GetProperty("included.custom.audience").GetString()),
                    Is.EqualTo(new[] { "platform-api" }), id);
                Assert.That(ofType("oidc-usermodel-attribute-mapper").Select(m => m.GetProperty("config").GetProperty("claim.name").GetString()),
                    Is.EquivalentTo(new[] { "unit", "clearance" }), id);
                var roles = ofType("oidc-usermodel-realm-role-mapper").Single().GetProperty("config");
                Assert.That(roles.GetProperty("claim.name").GetString(), Is.EqualTo("realm_access.roles"), id);
                Assert.That(roles.GetProperty("multivalued").GetString(), Is.EqualTo("true"), id);
                Assert.That(roles.GetProperty("access.token.claim").GetString(), Is.EqualTo("true"), id);
            }
        }
    }

    [Test]
    public void Redirect_uris_use_wildcards_only_at_the_end_as_keycloak_requires()
    {
        var uris = realm.GetProperty("clients").EnumerateArray()
            .SelectMany(c => c.GetProperty("redirectUris").EnumerateArray().Select(u => u.GetString()!)).ToList();

        Assert.That(uris, Is.Not.Empty);
        Assert.That(uris.Where(u => u.IndexOf('*') is var star && star >= 0 && star != u.Length - 1), Is.Empty);
    }

    [Test]
    public void The_portal_is_a_confidential_client_that_requires_s256_pkce()
    {
        var portal = Client("portal");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(portal.GetProperty("publicClient").GetBoolean(), Is.False);
            Assert.That(portal.GetProperty("secret").GetString(), Is.EqualTo("portal-secret-dev"));
            Assert.That(portal.GetProperty("standardFlowEnabled").GetBoolean(), Is.True);
            Assert.That(portal.GetProperty("attributes").GetProperty("pkce.code.challenge.method").GetString(), Is.EqualTo("S256"));
            Assert.That(portal.GetProperty("attributes").GetProperty("post.logout.redirect.uris").GetString(), Is.Not.Empty);
        }
        Assert.That(Client("platform-cli").GetProperty("publicClient").GetBoolean(), Is.True);
        Assert.That(Client("platform-cli").GetProperty("directAccessGrantsEnabled").GetBoolean(), Is.True);
    }

    [Test]
    public void The_model_reads_the_file_and_every_sample_password_verifies()
    {
        var directory = RealmDirectory.Load(RealmFilePath);

        foreach (var username in SampleUsers)
        {
            var user = directory.FindUser(username)!;
            Assert.That(user.Credentials.Any(c => PasswordHasher.Verify("Matkhau@123", c)), Is.True, username);
        }
    }

    private static JsonElement User(string username) =>
        realm.GetProperty("users").EnumerateArray().Single(u => u.GetProperty("username").GetString() == username);

    private static JsonElement Client(string clientId) =>
        realm.GetProperty("clients").EnumerateArray().Single(c => c.GetProperty("clientId").GetString() == clientId);
}
