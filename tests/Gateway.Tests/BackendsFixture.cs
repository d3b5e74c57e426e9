using Platform.Gateway.Routing;

namespace Platform.Gateway.Tests;

/// <summary>One stand-in backend per service the gateway routes to, for the whole fixture.</summary>
public abstract class BackendsFixture
{
    private readonly List<FakeBackend> _backends = [];

    [OneTimeSetUp]
    public async Task StartBackends()
    {
        foreach (var name in ServiceAddresses.Backends) _backends.Add(await FakeBackend.StartAsync(name));
    }

    [OneTimeTearDown]
    public async Task StopBackends()
    {
        foreach (var backend in _backends) await backend.DisposeAsync();
    }

    protected Dictionary<string, Uri> Addresses() => _backends.ToDictionary(b => b.Name, b => b.Url);
}
