using Microsoft.Extensions.Configuration;

namespace Platform.ServiceDefaults;

/// <summary>
/// Who this process is: its app id (the Dapr app id, the Redis consumer group and the
/// CloudEvent source) and where its local data lives.
/// </summary>
public sealed record ServiceInfo(string AppId, string DataFolder)
{
    public static ServiceInfo From(IConfiguration configuration, string defaultAppId)
    {
        var appId = configuration["Service:AppId"] ?? defaultAppId;
        var dataFolder = Path.GetFullPath(configuration["DataFolder"] ?? ".data");
        return new ServiceInfo(appId, dataFolder);
    }

    /// <summary>The folder for this service's own files, created on first use.</summary>
    public string OwnFolder()
    {
        var folder = Path.Combine(DataFolder, AppId);
        Directory.CreateDirectory(folder);
        return folder;
    }
}
