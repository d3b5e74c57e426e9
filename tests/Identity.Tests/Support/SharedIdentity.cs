using Platform.Identity.Tests.Support;
using Platform.TestSupport;

namespace Platform.Identity.Tests;

// In the root test namespace: NUnit runs a SetUpFixture only for the tests in its namespace and below.

/// <summary>One Identity host for every test that does not need a host of its own (a host costs seconds to start).</summary>
[SetUpFixture]
public sealed class SharedIdentity
{
    private static IdentityServer? host;

    public static IdentityServer Host => host ?? throw new InvalidOperationException("The shared Identity host is not started.");

    [OneTimeSetUp]
    public void Start() => host = IdentityServer.Start<Program>(logs: new LogSink());

    [OneTimeTearDown]
    public async Task Stop()
    {
        if (host is not null) await host.DisposeAsync();
    }
}
