using Platform.ServiceDefaults.Auth;

namespace Platform.Security.Tests.AccessControl;

/// <summary>
/// The answers that matter most, written by hand from DOMAIN.md and DESIGN.md rather than read
/// from the code, so the matrix cannot pass by agreeing with a policy that is itself wrong.
/// </summary>
public static class CriticalExpectations
{
    /// <summary>Any answer but 401, 403 or a server error.</summary>
    public const int Admitted = 0;
    private const string Anonymous = "anonymous";

    public sealed record Row(string Service, string Caller, string Method, string Route, int Expected)
    {
        public override string ToString() => $"{Caller} {Method} {Service}{Route} should {(Expected == Admitted ? "be admitted" : "get " + Expected)}";
    }

    public static readonly Row[] Table =
    [
        // Incoming documents are internal: never anonymous, never the portal or gazette editors.
        new("documents", Anonymous, "GET", "/api/documents/incoming", 401),
        new("documents", Anonymous, "GET", "/api/documents/incoming/{id}", 401),
        new("documents", Anonymous, "GET", "/api/documents/search", 401),
        new("documents", Roles.PortalEditor, "GET", "/api/documents/incoming", 403),
        new("documents", Roles.GazetteEditor, "GET", "/api/documents/search", 403),
        new("documents", Roles.Specialist, "POST", "/api/documents/incoming", 403),
        new("documents", Roles.Clerk, "POST", "/api/documents/incoming/{id}/direction", 403),
        new("documents", Roles.Specialist, "POST", "/api/documents/search/rebuild", 403),
        new("documents", Roles.Clerk, "GET", "/api/documents/incoming", Admitted),
        new("documents", Roles.Leader, "POST", "/api/documents/incoming/{id}/direction", Admitted),
        // Tasks: only leaders (and the office) hand tasks out.
        new("tasks", Anonymous, "GET", "/api/tasks", 401),
        new("tasks", Roles.PortalEditor, "GET", "/api/tasks", 403),
        new("tasks", Roles.Specialist, "POST", "/api/tasks", 403),
        new("tasks", Roles.Clerk, "POST", "/api/tasks", 403),
        new("tasks", Roles.Leader, "POST", "/api/tasks", Admitted),
        // Gazette: only the gazette editor (or the administrator) composes and publishes; the published gazette is public.
        new("gazette", Roles.Clerk, "POST", "/api/gazette/issues/{id}/publish", 403),
        new("gazette", Roles.Leader, "POST", "/api/gazette/issues/{id}/publish", 403),
        new("gazette", Roles.Specialist, "POST", "/api/gazette/issues/{id}/publish", 403),
        new("gazette", Anonymous, "POST", "/api/gazette/issues/{id}/publish", 401),
        new("gazette", Roles.GazetteEditor, "POST", "/api/gazette/issues/{id}/publish", Admitted),
        new("gazette", Anonymous, "GET", "/api/gazette/register", 401),
        new("gazette", Roles.PortalEditor, "GET", "/api/gazette/register", 403),
        new("gazette", Anonymous, "GET", "/api/gazette/public/issues", 200),
        new("gazette", Anonymous, "GET", "/api/gazette/public/documents", 200),
        // Portal: the staff API needs a sign-in, editing needs the portal editor.
        new("portal", Anonymous, "GET", "/staff/api/news", 401),
        new("portal", Anonymous, "GET", "/staff/api/feedback", 401),
        new("portal", Roles.Clerk, "POST", "/staff/api/news", 403),
        new("portal", Roles.GazetteEditor, "GET", "/staff/api/feedback", 403),
        new("portal", Roles.PortalEditor, "GET", "/staff/api/news", Admitted),
        // Reports: leaders, specialists, the office; not clerks or editors, never anonymous.
        new("reporting", Anonymous, "GET", "/api/reports/indicators", 401),
        new("reporting", Roles.PortalEditor, "GET", "/api/reports/indicators", 403),
        new("reporting", Roles.Clerk, "GET", "/api/reports/indicators", 403),
        new("reporting", Roles.Leader, "GET", "/api/reports/indicators", Admitted),
    ];
}
