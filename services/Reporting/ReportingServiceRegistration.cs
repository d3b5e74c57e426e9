using Platform.Contracts.Events;
using Platform.Reporting.Apis;
using Platform.Reporting.Consumers;
using Platform.Reporting.Persistence;
using Platform.Reporting.Rebuild;
using Platform.Reporting.Reports;
using Platform.Reporting.Snapshots;
using Platform.ServiceDefaults;
using Platform.ServiceDefaults.Events;

namespace Platform.Reporting;

public static class ReportingServiceRegistration
{
    public const string AppId = "reporting";

    public static WebApplicationBuilder AddReportingService(this WebApplicationBuilder builder)
    {
        builder.AddServiceDefaults<ReportingDbContext, SqliteReportingDbContext, PostgresReportingDbContext>(AppId);
        var services = builder.Services;
        services.AddScoped<FactProjector>();
        services.AddScoped<FactRebuilder>();
        services.AddScoped<ReportService>();
        services.AddScoped<SnapshotService>();
        services.AddSingleton(ReportSigner.Create);
        // Every event goes to the log and the facts; a new event needs a line here and a case in FactProjector.
        services.AddEventHandler<DocumentRegistered, RecordEvent<DocumentRegistered>>();
        services.AddEventHandler<DocumentIssued, RecordEvent<DocumentIssued>>();
        services.AddEventHandler<DocumentAssigned, RecordEvent<DocumentAssigned>>();
        services.AddEventHandler<TaskCreated, RecordEvent<TaskCreated>>();
        services.AddEventHandler<TaskStatusChanged, RecordEvent<TaskStatusChanged>>();
        services.AddEventHandler<TaskDueSoon, RecordEvent<TaskDueSoon>>();
        services.AddEventHandler<TaskOverdue, RecordEvent<TaskOverdue>>();
        services.AddEventHandler<GazetteIssuePublished, RecordEvent<GazetteIssuePublished>>();
        services.AddEventHandler<FeedbackReceived, RecordEvent<FeedbackReceived>>();
        return builder;
    }

    public static WebApplication MapReportingApis(this WebApplication app)
    {
        app.MapDocumentReportsApi();
        app.MapIndicatorsApi();
        app.MapReportOutputsApi();
        app.MapSnapshotsApi();
        app.MapRebuildApi();
        return app;
    }
}
