using Platform.Contracts.Events;
using Platform.Gazette.Apis;
using Platform.Gazette.Consumers;
using Platform.Gazette.Persistence;
using Platform.ServiceDefaults;
using Platform.ServiceDefaults.Events;

namespace Platform.Gazette;

public static class GazetteServiceRegistration
{
    public const string AppId = "gazette";

    public static WebApplicationBuilder AddGazetteService(this WebApplicationBuilder builder)
    {
        builder.AddServiceDefaults<GazetteDbContext, SqliteGazetteDbContext, PostgresGazetteDbContext>(AppId);
        builder.Services.AddEventHandler<DocumentIssued, ReceiveIssuedLegalDocument>();
        return builder;
    }

    public static WebApplication MapGazetteApis(this WebApplication app)
    {
        app.MapGazetteRegisterApi();
        return app;
    }
}
