using Microsoft.Extensions.Options;
using Platform.Contracts.Events;
using Platform.Gazette.Apis;
using Platform.Gazette.Consumers;
using Platform.Gazette.Deadlines;
using Platform.Gazette.Domain;
using Platform.Gazette.Intake;
using Platform.Gazette.Persistence;
using Platform.Gazette.Publishing;
using Platform.ServiceDefaults.Signing;
using Platform.ServiceDefaults;
using Platform.ServiceDefaults.Auth;
using Platform.ServiceDefaults.Events;

namespace Platform.Gazette;

public static class GazetteServiceRegistration
{
    public const string AppId = "gazette";

    /// <summary>Changing the register and issues is the gazette editor's job (and the administrator's).</summary>
    public const string EditorPolicy = "gazette-editor";

    public static WebApplicationBuilder AddGazetteService(this WebApplicationBuilder builder)
    {
        builder.AddServiceDefaults<GazetteDbContext, SqliteGazetteDbContext, PostgresGazetteDbContext>(AppId);
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(EditorPolicy, policy => policy.RequireRole(Roles.GazetteEditor, Roles.Administrator));
        builder.Services.AddOptions<GazetteOptions>().BindConfiguration(GazetteOptions.Section);
        builder.Services.AddSingleton(sp => new WorkingCalendar(sp.GetRequiredService<IOptions<GazetteOptions>>().Value.Holidays));
        builder.Services.AddSingleton(sp => new GazetteDeadlines(sp.GetRequiredService<WorkingCalendar>(), sp.GetRequiredService<IOptions<GazetteOptions>>().Value));
        builder.Services.AddSingleton(sp =>
        {
            var gazette = sp.GetRequiredService<IOptions<GazetteOptions>>().Value;
            return new OfficeCertificate(new OfficeCertificateSettings(
                gazette.CertificatePath, gazette.CertificatePassword, gazette.OfficeName, sp.GetRequiredService<ServiceInfo>().OwnFolder()));
        });
        builder.Services.AddScoped<RegisterIntake>();
        builder.Services.AddScoped<IssuePublisher>();
        builder.Services.AddScoped<DeadlineCheck>();
        builder.Services.AddHostedService<DeadlineWatcher>();
        builder.Services.AddEventHandler<DocumentIssued, ReceiveIssuedLegalDocument>();
        return builder;
    }

    public static WebApplication MapGazetteApis(this WebApplication app)
    {
        app.MapGazetteRegisterApi();
        app.MapGazetteIssuesApi();
        app.MapPublicGazetteApi();
        return app;
    }
}
