using Platform.Identity.Realm;

namespace Platform.Identity.Accounts;

/// <summary>
/// Checks a username and password against the realm, for the login page and the password grant alike,
/// so both count towards the same lockout. The password is never logged, and every refusal looks the same
/// to the caller: Keycloak also answers "invalid user credentials" for a locked or unknown account.
/// </summary>
public sealed class UserAuthenticator(RealmDirectory realm, BruteForceProtector lockout, ILogger<UserAuthenticator> logger)
{
    public RealmUser? Authenticate(string username, string password)
    {
        var user = string.IsNullOrWhiteSpace(username) ? null : realm.FindUser(username);
        if (user is null || !user.Enabled || user.ServiceAccountClientId is not null)
        {
            PasswordHasher.SpendVerificationTime(password);
            // The typed name is not logged: people sometimes type their password into the username field.
            logger.LogInformation("Sign-in refused: no enabled user by that name");
            return null;
        }

        var subject = realm.SubjectOf(user);
        if (lockout.IsLockedOut(subject))
        {
            logger.LogWarning("Sign-in refused: {Username} is temporarily locked after repeated failures", user.Username);
            return null;
        }

        if (!user.Credentials.Any(credential => PasswordHasher.Verify(password, credential)))
        {
            lockout.RecordFailure(subject);
            logger.LogInformation("Sign-in refused: wrong password for {Username}", user.Username);
            return null;
        }

        lockout.RecordSuccess(subject);
        logger.LogInformation("{Username} signed in", user.Username);
        return user;
    }

    /// <summary>Whether a user named by an earlier token may still get new ones (refresh, code redemption).</summary>
    public bool IsStillActive(RealmUser user) =>
        user.Enabled && !lockout.IsLockedOut(realm.SubjectOf(user));
}
