using Platform.Identity.Tests.Support;

namespace Platform.Identity.Tests;

// In the root test namespace: NUnit runs a SetUpFixture only for the tests in its namespace and below.

/// <summary>One Identity host for every test that does not need a host of its own (a host costs seconds to start).</summary>
[SetUpFixture]
public sealed class SharedIdentity
{
    private static IdentityHost? host;

    public static IdentityHost Host => host ?? throw new InvalidOperationException("The shared Identity host is not started.");

    [OneTimeSetUp]
    public void Start() => host = IdentityHost.Start();

    [OneTimeTearDown]
    public async Task Stop()
    {
        if (host is not null) await host.DisposeAsync();
    }
}
