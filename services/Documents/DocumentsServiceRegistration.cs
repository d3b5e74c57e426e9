using Platform.Documents.Apis;
using Platform.Documents.Grpc;
using Platform.Documents.Search;
using Platform.Documents.Persistence;
using Platform.ServiceDefaults;

namespace Platform.Documents;

public static class DocumentsServiceRegistration
{
    public const string AppId = "documents";

    public static WebApplicationBuilder AddDocumentsService(this WebApplicationBuilder builder)
    {
        builder.AddServiceDefaults<DocumentsDbContext, SqliteDocumentsDbContext, PostgresDocumentsDbContext>(AppId);
        builder.AddDocumentSearch();
        return builder;
    }

    public static WebApplication MapDocumentsApis(this WebApplication app)
    {
        app.MapIncomingDocumentsApi();
        app.MapSearchApi();
        app.MapDocumentsGrpc();
        return app;
    }
}
