using Microsoft.Extensions.Logging;
using Platform.Documents.Files.ObjectStorage;

namespace Platform.Documents.Files;

/// <summary>
/// <c>Files:Store</c> chooses where attachments live: <c>disk</c> (default, the data folder, for
/// <c>make run</c> and one replica) or <c>s3</c> (object storage shared by every replica, for production).
/// </summary>
public static class FileStoreRegistration
{
    public const string StoreKey = "Files:Store";

    public static WebApplicationBuilder AddFileStore(this WebApplicationBuilder builder, string serviceFolder)
    {
        var store = builder.Configuration[StoreKey] ?? "disk";
        switch (store.ToLowerInvariant())
        {
            case "disk":
                builder.Services.AddSingleton<IFileStore>(new DiskFileStore(Path.Combine(serviceFolder, "files")));
                break;
            case "s3":
                var options = builder.Configuration.GetSection(ObjectStorageOptions.Section).Get<ObjectStorageOptions>() ?? new();
                if (options.Missing() is { Count: > 0 } missing)
                {
                    throw new InvalidOperationException($"{StoreKey}=s3 needs these settings: {string.Join(", ", missing)}.");
                }
                // The store applies its own timeout per request, so a streamed download is not cut off by HttpClient's.
                builder.Services.AddHttpClient(nameof(S3FileStore), http => http.Timeout = Timeout.InfiniteTimeSpan);
                builder.Services.AddSingleton<IFileStore>(sp => new S3FileStore(
                    sp.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(S3FileStore)), options,
                    Path.Combine(serviceFolder, "uploads"), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<S3FileStore>>()));
                break;
            default:
                throw new InvalidOperationException($"{StoreKey} is \"{store}\"; it must be \"disk\" or \"s3\".");
        }
        return builder;
    }
}
