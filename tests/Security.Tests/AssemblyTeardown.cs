using Platform.Security.Tests.AccessControl;

namespace Platform.Security.Tests;

/// <summary>Stops what the fixtures share once they have all run.</summary>
[SetUpFixture]
public sealed class AssemblyTeardown
{
    [OneTimeTearDown]
    public Task Stop() => RealTokenTests.StopServersAsync();
}
