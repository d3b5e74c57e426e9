using Platform.Documents.Apis;
using Platform.Documents.Persistence;
using Platform.ServiceDefaults;

namespace Platform.Documents;

public static class DocumentsServiceRegistration
{
    public const string AppId = "documents";

    public static WebApplicationBuilder AddDocumentsService(this WebApplicationBuilder builder)
    {
        builder.AddServiceDefaults<DocumentsDbContext, SqliteDocumentsDbContext, PostgresDocumentsDbContext>(AppId);
        return builder;
    }

    public static WebApplication MapDocumentsApis(this WebApplication app)
    {
        app.MapIncomingDocumentsApi();
        return app;
    }
}
