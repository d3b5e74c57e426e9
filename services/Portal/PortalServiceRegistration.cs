using Platform.Contracts.Events;
using Platform.Portal.Apis;
using Platform.Portal.Consumers;
using Platform.Portal.Persistence;
using Platform.ServiceDefaults;
using Platform.ServiceDefaults.Events;

namespace Platform.Portal;

public static class PortalServiceRegistration
{
    public const string AppId = "portal";

    public static WebApplicationBuilder AddPortalService(this WebApplicationBuilder builder)
    {
        builder.AddServiceDefaults<PortalDbContext, SqlitePortalDbContext, PostgresPortalDbContext>(AppId);
        builder.Services.AddRazorPages();
        builder.Services.AddEventHandler<DocumentIssued, PublishPublicDocument>();
        builder.Services.AddEventHandler<GazetteIssuePublished, ShowGazetteIssue>();
        return builder;
    }

    public static WebApplication MapPortalApis(this WebApplication app)
    {
        app.UseStaticFiles();
        app.MapRazorPages();
        app.MapStaffApi();
        return app;
    }
}
