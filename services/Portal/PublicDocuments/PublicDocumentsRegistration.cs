using Grpc.Net.Client;
using Platform.Contracts.Grpc.Documents;

namespace Platform.Portal.PublicDocuments;

public static class PublicDocumentsRegistration
{
    /// <summary>
    /// Services:documents is Documents' HTTP address; Grpc:documents its gRPC one (an HTTP/2-only
    /// port: cleartext HTTP/2 cannot share a port with HTTP/1.1), Services:documents when unset.
    /// </summary>
    public static WebApplicationBuilder AddPublicDocuments(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.Configure<ServiceAccountOptions>(builder.Configuration.GetSection(ServiceAccountOptions.Section));
        services.AddHttpClient<ClientCredentialsToken>(http => http.Timeout = TimeSpan.FromSeconds(5));
        services.AddSingleton<IServiceCallCredentials>(sp => sp.GetRequiredService<ClientCredentialsToken>());
        services.AddTransient<ServiceCredentialsHandler>();
        services.AddHttpClient<DocumentsPublicApi>(http =>
        {
            http.BaseAddress = DocumentsAddress(builder.Configuration, "Services");
            http.Timeout = TimeSpan.FromSeconds(3);
        });
        services.AddSingleton(sp => GrpcChannel.ForAddress(DocumentsAddress(builder.Configuration, "Grpc"), new GrpcChannelOptions
        {
            HttpHandler = new ServiceCredentialsHandler(sp.GetRequiredService<IServiceCallCredentials>()) { InnerHandler = new SocketsHttpHandler() },
            DisposeHttpClient = true,
        }));
        services.AddSingleton(sp => new DocumentsQuery.DocumentsQueryClient(sp.GetRequiredService<GrpcChannel>()));
        services.AddScoped<PublicDocumentSearch>();
        return builder;
    }

    private static Uri DocumentsAddress(IConfiguration configuration, string section)
    {
        var address = configuration[$"{section}:documents"] ?? configuration["Services:documents"] ?? "http://127.0.0.1:5101/";
        return new Uri(address.EndsWith('/') ? address : address + "/");
    }
}
