using Platform.Documents.Apis;
using Platform.Documents.Audit;
using Platform.Documents.Domain;
using Platform.Documents.Exchange;
using Platform.Documents.Files;
using Platform.Documents.Grpc;
using Platform.Documents.Search;
using Platform.Documents.Persistence;
using Platform.Documents.Signing;
using Platform.ServiceDefaults;

namespace Platform.Documents;

public static class DocumentsServiceRegistration
{
    public const string AppId = "documents";

    public static WebApplicationBuilder AddDocumentsService(this WebApplicationBuilder builder)
    {
        var service = builder.AddServiceDefaults<DocumentsDbContext, SqliteDocumentsDbContext, PostgresDocumentsDbContext>(AppId);
        builder.Services.AddHttpContextAccessor();
        builder.Services.Configure<NumberingOptions>(builder.Configuration.GetSection(NumberingOptions.Section));
        builder.Services.Configure<AttachmentOptions>(builder.Configuration.GetSection(AttachmentOptions.Section));
        builder.Services.AddSingleton(sp => new NumberingPolicy(sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<NumberingOptions>>().Value));
        builder.AddFileStore(service.OwnFolder());
        builder.AddCertificates(service.OwnFolder());
        builder.Services.Configure<ExchangeOptions>(builder.Configuration.GetSection(ExchangeOptions.Section));
        builder.Services.AddSingleton(sp => new AgencyDirectory(sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<ExchangeOptions>>().Value));
        builder.Services.AddScoped<ExchangePackages>();
        builder.Services.AddScoped<ExchangeOutbox>();
        builder.Services.AddScoped<ExchangeInbox>();
        builder.Services.AddScoped<ReceivedAttachments>();
        builder.Services.AddSingleton<ExchangeTrust>();
        builder.Services.AddHttpClient<IExchangeChannel, HttpExchangeChannel>((http, sp) =>
        {
            http.Timeout = TimeSpan.FromMinutes(2);
            return new HttpExchangeChannel(http, sp.GetRequiredService<AgencyDirectory>().Self.Code, sp.GetRequiredService<TimeProvider>());
        });
        builder.Services.AddHostedService<ExchangeDispatcher>();
        builder.Services.AddScoped<AuditTrail>();
        builder.Services.AddScoped<AttachmentStorage>();
        builder.Services.AddScoped<DocumentSigning>();
        builder.AddDocumentSearch();
        return builder;
    }

    public static WebApplication MapDocumentsApis(this WebApplication app)
    {
        app.MapIncomingDocumentsApi();
        app.MapOutgoingDocumentsApi();
        app.MapVerificationApi();
        app.MapPublicFilesApi();
        app.MapRegistersApi();
        app.MapSearchApi();
        app.MapExchangeApi();
        app.MapDocumentsGrpc();
        return app;
    }
}
