using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Platform.Portal.Staff.SignIn;

/// <summary>
/// Keeps console sessions (phiên làm việc), with the person's tokens, in Redis; the browser's
/// cookie holds only the session key. So the tokens never leave the server, every portal
/// replica sees the same session, and signing out ends the session for good: a copy of the
/// cookie kept elsewhere opens nothing afterwards.
/// </summary>
public sealed class RedisSessionStore(IConnectionMultiplexer redis, IDataProtectionProvider protection, IOptions<StaffConsoleOptions> options) : ITicketStore
{
    private const string Prefix = "portal:staff-session:";
    private readonly IDataProtector _protector = protection.CreateProtector("Platform.Portal.Staff.Session");

    public async Task<string> StoreAsync(AuthenticationTicket ticket)
    {
        var key = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        await RenewAsync(key, ticket);
        return key;
    }

    public Task RenewAsync(string key, AuthenticationTicket ticket) =>
        redis.GetDatabase().StringSetAsync(Prefix + key, _protector.Protect(TicketSerializer.Default.Serialize(ticket)), Lifetime(ticket));

    public async Task<AuthenticationTicket?> RetrieveAsync(string key)
    {
        var value = await redis.GetDatabase().StringGetAsync(Prefix + key);
        if (value.IsNullOrEmpty) return null;
        try
        {
            return TicketSerializer.Default.Deserialize(_protector.Unprotect((byte[])value!));
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            // Written under a key ring this replica cannot read: treat as signed out.
            return null;
        }
    }

    public Task RemoveAsync(string key) => redis.GetDatabase().KeyDeleteAsync(Prefix + key);

    // The session outlives its cookie by nothing: Redis forgets it when the sliding window closes.
    private TimeSpan Lifetime(AuthenticationTicket ticket) =>
        ticket.Properties.ExpiresUtc is { } expires && expires > DateTimeOffset.UtcNow
            ? expires - DateTimeOffset.UtcNow
            : options.Value.SessionTimeout;
}

/// <summary>Hands the cookie handler its session store once DI can build it.</summary>
public sealed class UseRedisSessionStore(RedisSessionStore store) : IPostConfigureOptions<CookieAuthenticationOptions>
{
    public void PostConfigure(string? name, CookieAuthenticationOptions options)
    {
        if (name == StaffSession.Scheme) options.SessionStore = store;
    }
}
