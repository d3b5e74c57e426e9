using System.Net;
using Platform.Identity.Accounts;
using Platform.Identity.Realm;
using Platform.Identity.Tests.Support;
using Platform.TestSupport;

namespace Platform.Identity.Tests;

/// <summary>The realm's brute force settings (failureFactor 5, waitIncrementSeconds 60, maxFailureWaitSeconds 900).</summary>
public sealed class LockoutTests
{
    [Test]
    public async Task After_five_wrong_passwords_the_user_is_locked_even_with_the_right_password()
    {
        // congbao is used by no other test on the shared host.
        using var http = SharedIdentity.Host.Browser();
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            var wrong = await Oidc.PasswordGrant(http, "congbao", "sai-" + attempt);
            Assert.That(wrong.Error, Is.EqualTo("invalid_grant"), $"attempt {attempt}");
        }

        var right = await Oidc.PasswordGrant(http, "congbao", Oidc.Password);

        Assert.That(right.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(right.Error, Is.EqualTo("invalid_grant"));
    }

    [Test]
    public void Four_wrong_passwords_do_not_lock_and_a_success_starts_the_count_again()
    {
        var (protector, _) = Protector();
        for (var i = 0; i < 4; i++) protector.RecordFailure("user");
        Assert.That(protector.IsLockedOut("user"), Is.False);

        protector.RecordSuccess("user");
        for (var i = 0; i < 4; i++) protector.RecordFailure("user");

        Assert.That(protector.IsLockedOut("user"), Is.False);
    }

    [Test]
    public void A_lock_lifts_after_the_wait_increment()
    {
        var (protector, clock) = Protector();
        for (var i = 0; i < 5; i++) protector.RecordFailure("user");
        Assert.That(protector.IsLockedOut("user"), Is.True);

        clock.Advance(TimeSpan.FromSeconds(59));
        Assert.That(protector.IsLockedOut("user"), Is.True);
        clock.Advance(TimeSpan.FromSeconds(2));
        Assert.That(protector.IsLockedOut("user"), Is.False);
    }

    [Test]
    public void Each_further_round_of_failures_waits_longer_up_to_the_maximum()
    {
        var (protector, clock) = Protector();
        for (var i = 0; i < 10; i++) protector.RecordFailure("user");

        clock.Advance(TimeSpan.FromSeconds(119));
        Assert.That(protector.IsLockedOut("user"), Is.True, "ten failures wait two increments");

        for (var i = 0; i < 200; i++) protector.RecordFailure("user");
        clock.Advance(TimeSpan.FromSeconds(901));
        Assert.That(protector.IsLockedOut("user"), Is.False, "never longer than maxFailureWaitSeconds");
    }

    [Test]
    public void Failures_older_than_max_delta_time_are_forgotten()
    {
        var (protector, clock) = Protector();
        for (var i = 0; i < 4; i++) protector.RecordFailure("user");
        clock.Advance(TimeSpan.FromHours(13));

        protector.RecordFailure("user");

        Assert.That(protector.IsLockedOut("user"), Is.False);
    }

    private static (BruteForceProtector, ManualClock) Protector()
    {
        var realm = new RealmDirectory(RealmFile.Parse(File.ReadAllText(RealmFileTests.RealmFilePath)));
        var clock = new ManualClock(new DateTimeOffset(2026, 1, 5, 8, 0, 0, TimeSpan.Zero));
        return (new BruteForceProtector(realm, clock), clock);
    }
}
