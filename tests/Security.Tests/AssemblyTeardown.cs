using Platform.Security.Tests.AccessControl;

namespace Platform.Security.Tests;

/// <summary>Stops what the fixtures share once they have all run.</summary>
[SetUpFixture]
public sealed class AssemblyTeardown
{
    [OneTimeTearDown]
    public async Task Stop()
    {
        await RealTokenTests.StopServersAsync();
        await Hosting.SharedRealm.StopAsync();
    }
}
