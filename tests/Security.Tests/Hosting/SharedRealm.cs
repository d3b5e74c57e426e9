extern alias identity;
using Platform.TestSupport;

namespace Platform.Security.Tests.Hosting;

/// <summary>
/// The realm the fixtures share (an identity server takes seconds to start): the access tests' tokens
/// come from it, and every portal started here signs its staff console in through it.
/// </summary>
public static class SharedRealm
{
    private static readonly Lazy<IdentityServer> Instance = new(() => Start());

    public static IdentityServer Server => Instance.Value;

    /// <summary>services/Identity (this project's alias of it), for a test that needs a realm of its own.</summary>
    public static IdentityServer Start(string? dataFolder = null, TimeProvider? clock = null, IReadOnlyDictionary<string, string?>? settings = null) =>
        IdentityServer.Start<identity::Program>(dataFolder, clock, settings);

    public static async Task StopAsync()
    {
        if (Instance.IsValueCreated) await Instance.Value.DisposeAsync();
    }
}
