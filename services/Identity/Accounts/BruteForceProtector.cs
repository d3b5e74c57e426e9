using System.Collections.Concurrent;
using Platform.Identity.Realm;

namespace Platform.Identity.Accounts;

/// <summary>
/// Keycloak's brute force detection (chống dò mật khẩu), driven by the realm's settings: every
/// failureFactor consecutive failures lock the account for waitIncrementSeconds more, up to
/// maxFailureWaitSeconds; failures older than maxDeltaTimeSeconds are forgotten; a success resets.
/// Keycloak's "quick login check" is left out so that the lockout comes after exactly failureFactor
/// failures, which is what people and tests expect. State is in memory: a restart unlocks everyone.
/// </summary>
public sealed class BruteForceProtector(RealmDirectory realm, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, Failures> failures = new(StringComparer.Ordinal);
    private RealmFile Settings => realm.File;

    public bool IsLockedOut(string subject)
    {
        if (!Settings.BruteForceProtected || !failures.TryGetValue(subject, out var entry)) return false;
        lock (entry)
        {
            return entry.Permanent || entry.NotBefore > time.GetUtcNow();
        }
    }

    public void RecordFailure(string subject)
    {
        if (!Settings.BruteForceProtected) return;
        var entry = failures.GetOrAdd(subject, _ => new Failures());
        var now = time.GetUtcNow();
        lock (entry)
        {
            if (entry.Count > 0 && now - entry.LastFailure > TimeSpan.FromSeconds(Settings.MaxDeltaTimeSeconds)) entry.Count = 0;
            entry.Count++;
            entry.LastFailure = now;
            var factor = Math.Max(1, Settings.FailureFactor);
            if (entry.Count < factor) return;
            if (Settings.PermanentLockout)
            {
                entry.Permanent = true;
                return;
            }
            var wait = Math.Min(Settings.WaitIncrementSeconds * (entry.Count / factor), Settings.MaxFailureWaitSeconds);
            entry.NotBefore = now + TimeSpan.FromSeconds(wait);
        }
    }

    public void RecordSuccess(string subject) => failures.TryRemove(subject, out _);

    private sealed class Failures
    {
        public int Count;
        public DateTimeOffset LastFailure;
        public DateTimeOffset NotBefore;
        public bool Permanent;
    }
}
