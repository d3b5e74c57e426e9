using Microsoft.Extensions.Logging;

namespace Platform.Documents.Signing;

/// <summary>
/// <c>Certificates:Source</c> chooses the signing certificates: <c>development</c> (default, issued
/// by a local CA under the data folder on first run, for <c>make run</c> and tests) or <c>files</c>
/// (<see cref="CertificateFiles"/>, checked while the service starts).
/// </summary>
public static class CertificateRegistration
{
    public static WebApplicationBuilder AddCertificates(this WebApplicationBuilder builder, string serviceFolder)
    {
        var options = builder.Configuration.GetSection(CertificateFileOptions.Section).Get<CertificateFileOptions>() ?? new();
        switch (options.Source.ToLowerInvariant())
        {
            case "development":
                builder.Services.AddSingleton<ICertificateProvider>(new DevelopmentCertificates(
                    Path.Combine(serviceFolder, "certificates"),
                    builder.Configuration["Documents:Organisation"] ?? "Ủy ban nhân dân tỉnh"));
                break;
            case "files":
                builder.Services.AddSingleton<ICertificateProvider>(sp => new CertificateFiles(
                    options, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<CertificateFiles>>()));
                // Resolving the provider before the host starts makes a bad certificate stop start-up, not the first signature.
                builder.Services.AddHostedService(sp => new StartupCheck(sp.GetRequiredService<ICertificateProvider>()));
                break;
            default:
                throw new InvalidOperationException($"Certificates:Source is \"{options.Source}\"; it must be \"development\" or \"files\".");
        }
        return builder;
    }

    private sealed class StartupCheck(ICertificateProvider certificates) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            GC.KeepAlive(certificates);
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
