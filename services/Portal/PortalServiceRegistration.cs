using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.Extensions.WebEncoders;
using Platform.Contracts.Events;
using Platform.Portal.Apis;
using Platform.Portal.Consumers;
using Platform.Portal.Persistence;
using Platform.Portal.PublicDocuments;
using Platform.Portal.Security;
using Platform.Portal.Seed;
using Platform.Portal.Staff;
using Platform.Portal.Submissions;
using Platform.ServiceDefaults;
using Platform.ServiceDefaults.Auth;
using Platform.ServiceDefaults.Events;

namespace Platform.Portal;

public static class PortalServiceRegistration
{
    public const string AppId = "portal";

    public static WebApplicationBuilder AddPortalService(this WebApplicationBuilder builder)
    {
        builder.AddServiceDefaults<PortalDbContext, SqlitePortalDbContext, PostgresPortalDbContext>(AppId);
        builder.Services.AddRazorPages();
        // Razor would otherwise write every Vietnamese letter as an entity (&#x1EC7;): pages
        // three times the size, and page source nobody can read or search.
        builder.Services.Configure<WebEncoderOptions>(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        builder.AddFeedback();
        builder.AddPublicDocuments();
        builder.AddPortalSecurity();
        builder.AddStaffConsole();
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(NewsApi.EditorPolicy, policy => policy.RequireAuthenticatedUser().RequireRole(Roles.PortalEditor, Roles.Administrator));
        // After the migrator, which AddServiceDefaults registered first: hosted services start in order.
        builder.Services.AddHostedService<SampleNewsSeeder>();
        builder.Services.AddHostedService<SectionSeeder>();
        builder.Services.AddHostedService<SearchTextBackfill>();
        builder.Services.AddEventHandler<DocumentIssued, PublishPublicDocument>();
        builder.Services.AddEventHandler<DocumentRecalled, WithdrawRecalledDocument>();
        builder.Services.AddEventHandler<GazetteIssuePublished, ShowGazetteIssue>();
        return builder;
    }

    public static WebApplication MapPortalApis(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UsePortalSecurity();
        app.UseRateLimiter();
        app.UseStaticFiles();
        app.MapRazorPages();
        app.MapStaffConsole();
        app.MapStaffApi();
        app.MapNewsApi();
        app.MapNewsImagesApi();
        app.MapFeedbackApi();
        app.MapSectionsApi();
        app.MapConsultationsApi();
        return app;
    }
}
