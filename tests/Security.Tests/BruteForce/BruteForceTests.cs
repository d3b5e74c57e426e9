using System.Net;
using System.Text.Json;
using Platform.Security.Tests.Hosting;
using Platform.TestSupport;

namespace Platform.Security.Tests.BruteForce;

/// <summary>
/// Login brute force, end to end: the realm file turns Keycloak's protection on, and
/// services/Identity locks the account after the realm's failureFactor failures counted across the
/// token endpoint and the login page alike, refuses even the right password while locked, and
/// lets it in again once the realm's waitIncrementSeconds have passed.
/// </summary>
public sealed class BruteForceTests
{
    private static readonly JsonElement Realm = JsonDocument.Parse(File.ReadAllText(RealmFilePath)).RootElement;

    private static string RealmFilePath =>
        Path.Combine(TestContext.CurrentContext.TestDirectory, "..", "..", "..", "..", "..", "charts", "platform", "files", "realm", "platform-realm.json");

    private static int FailureFactor => Realm.GetProperty("failureFactor").GetInt32();
    private static TimeSpan WaitIncrement => TimeSpan.FromSeconds(Realm.GetProperty("waitIncrementSeconds").GetInt32());

    [Test]
    public void The_realm_file_turns_on_keycloaks_brute_force_protection()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Realm.GetProperty("bruteForceProtected").GetBoolean(), Is.True);
            Assert.That(Realm.GetProperty("permanentLockout").GetBoolean(), Is.False, "a temporary lock, so a forgotten password does not need an administrator");
            Assert.That(FailureFactor, Is.InRange(3, 10));
            Assert.That(WaitIncrement, Is.GreaterThanOrEqualTo(TimeSpan.FromSeconds(30)));
            Assert.That(Realm.GetProperty("maxFailureWaitSeconds").GetInt32(), Is.GreaterThanOrEqualTo((int)WaitIncrement.TotalSeconds));
            Assert.That(Realm.GetProperty("maxDeltaTimeSeconds").GetInt32(), Is.GreaterThan(0));
        }
    }

    [Test]
    public async Task Failures_at_the_token_endpoint_lock_the_user_out_of_both_doors_until_the_wait_passes()
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        await using var identity = SharedRealm.Start(clock: clock);
        using var http = identity.Browser();

        for (var attempt = 1; attempt <= FailureFactor; attempt++)
        {
            var wrong = await RealmLogin.PasswordGrantAsync(http, "chuyenvien", "doan-" + attempt);
            Assert.That(wrong.Error, Is.EqualTo("invalid_grant"), $"attempt {attempt}");
        }

        var locked = await RealmLogin.PasswordGrantAsync(http, "chuyenvien", RealmLogin.Password);
        Assert.That((locked.Status, locked.Error, locked.AccessToken), Is.EqualTo((HttpStatusCode.BadRequest, "invalid_grant", (string?)null)),
            "the right password is refused while locked");
        using (var browser = identity.Browser())
        {
            Assert.That(await RealmLogin.LoginPageAsync(browser, "chuyenvien", RealmLogin.Password), Is.EqualTo(HttpStatusCode.Unauthorized),
                "the login page refuses the locked user too");
        }
        var other = await RealmLogin.PasswordGrantAsync(http, "vanthu", RealmLogin.Password);
        Assert.That(other.AccessToken, Is.Not.Null, "only the attacked account is locked");

        clock.Advance(WaitIncrement - TimeSpan.FromSeconds(2));
        Assert.That((await RealmLogin.PasswordGrantAsync(http, "chuyenvien", RealmLogin.Password)).AccessToken, Is.Null, "still locked just before the wait ends");

        clock.Advance(TimeSpan.FromSeconds(3));
        Assert.That((await RealmLogin.PasswordGrantAsync(http, "chuyenvien", RealmLogin.Password)).AccessToken, Is.Not.Null, "the lock expires after waitIncrementSeconds");
    }

    [Test]
    public async Task Failures_on_the_login_page_lock_the_token_endpoint_too()
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        await using var identity = SharedRealm.Start(clock: clock);

        for (var attempt = 1; attempt <= FailureFactor; attempt++)
        {
            using var browser = identity.Browser();
            Assert.That(await RealmLogin.LoginPageAsync(browser, "bientap", "doan-" + attempt), Is.EqualTo(HttpStatusCode.Unauthorized), $"attempt {attempt}");
        }
        using (var browser = identity.Browser())
        {
            Assert.That(await RealmLogin.LoginPageAsync(browser, "bientap", RealmLogin.Password), Is.EqualTo(HttpStatusCode.Unauthorized));
        }
        using var http = identity.Browser();
        Assert.That((await RealmLogin.PasswordGrantAsync(http, "bientap", RealmLogin.Password)).Error, Is.EqualTo("invalid_grant"));

        clock.Advance(WaitIncrement + TimeSpan.FromSeconds(1));
        using (var browser = identity.Browser())
        {
            Assert.That(await RealmLogin.LoginPageAsync(browser, "bientap", RealmLogin.Password), Is.EqualTo(HttpStatusCode.Redirect), "signed in once the lock expired");
        }
    }

    [Test]
    public async Task Fewer_failures_than_the_factor_do_not_lock()
    {
        await using var identity = SharedRealm.Start();
        using var http = identity.Browser();
        for (var attempt = 1; attempt < FailureFactor; attempt++) await RealmLogin.PasswordGrantAsync(http, "lanhdao", "doan-" + attempt);

        Assert.That((await RealmLogin.PasswordGrantAsync(http, "lanhdao", RealmLogin.Password)).AccessToken, Is.Not.Null);
    }
}
