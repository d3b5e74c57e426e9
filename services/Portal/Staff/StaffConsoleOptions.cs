namespace Platform.Portal.Staff;

/// <summary>
/// Settings of the staff console (bàn làm việc của cán bộ), section <c>Staff</c>.
/// The client id and secret come from <c>Identity:ClientId</c> / <c>Identity:ClientSecret</c>
/// like every other confidential client of the realm.
/// </summary>
public sealed class StaffConsoleOptions
{
    public const string Section = "Staff";

    /// <summary>
    /// The portal's address as browsers reach it (the gateway or the ingress). The identity
    /// provider sends people back there after sign-in, so it cannot be taken from the request
    /// the portal sees behind the gateway.
    /// </summary>
    public Uri? PublicUrl { get; set; }

    /// <summary>How long a console session lives without a request; each request slides it.</summary>
    public TimeSpan SessionTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// Off only where the console is reached over plain HTTP from something other than
    /// loopback (browsers keep Secure cookies from http://127.0.0.1 and http://localhost).
    /// </summary>
    public bool SecureCookies { get; set; } = true;
}
