using Platform.Contracts.Events;
using Platform.Reporting.Apis;
using Platform.Reporting.Consumers;
using Platform.Reporting.Persistence;
using Platform.ServiceDefaults;
using Platform.ServiceDefaults.Events;

namespace Platform.Reporting;

public static class ReportingServiceRegistration
{
    public const string AppId = "reporting";

    public static WebApplicationBuilder AddReportingService(this WebApplicationBuilder builder)
    {
        builder.AddServiceDefaults<ReportingDbContext, SqliteReportingDbContext, PostgresReportingDbContext>(AppId);
        builder.Services.AddEventHandler<DocumentRegistered, RecordDocumentFacts>();
        builder.Services.AddEventHandler<DocumentIssued, RecordDocumentFacts>();
        builder.Services.AddEventHandler<TaskCreated, RecordTaskFacts>();
        return builder;
    }

    public static WebApplication MapReportingApis(this WebApplication app)
    {
        app.MapDocumentReportsApi();
        return app;
    }
}
