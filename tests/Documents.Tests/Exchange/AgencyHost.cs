using System.Net;
using Microsoft.AspNetCore.Hosting;
using Platform.Documents.Signing;
using Platform.TestSupport;

namespace Platform.Documents.Tests.Exchange;

/// <summary>
/// One organisation running the Documents service on its own loopback port, database and data folder,
/// with an agency directory naming the other organisation's endpoint and the key they share. It can be
/// stopped and started again on the same port, database and certificates, as a receiver that goes down.
/// </summary>
public sealed class AgencyHost : IDisposable
{
    private readonly Dictionary<string, string> _settings;
    private AgencyFactory? _factory;
    private int _trusted;

    public AgencyHost(DatabaseKind database, string code, string organisation)
    {
        Code = code;
        Organisation = organisation;
        Port = FreePorts.Next();
        DataFolder = TestServers.TempFolder("exchange-" + code);
        ConnectionString = database.NewConnectionString("documents");
        // Made before the service starts so the partner can be told to trust it; the service then loads the same CA.
        RootPem = new DevelopmentCertificates(Path.Combine(DataFolder, "documents", "certificates"), organisation)
            .TrustedRoots()[0].ExportCertificatePem();
        _settings = new()
        {
            ["Documents:Organisation"] = organisation,
            ["Documents:Exchange:SelfCode"] = code,
            ["Documents:Exchange:Place"] = "Khánh Hòa",
            ["Documents:Exchange:PollInterval"] = "00:00:00.100",
            ["Documents:Exchange:RetryFirst"] = "00:00:00.200",
            ["Documents:Exchange:RetryLongest"] = "00:00:01",
        };
    }

    public string Code { get; }
    public string Organisation { get; }
    public int Port { get; }
    public string DataFolder { get; }
    public string ConnectionString { get; }
    public string RootPem { get; }
    public Uri Endpoint => new($"http://127.0.0.1:{Port}/api/documents/exchange/packages");
    public bool Running => _factory is not null;
    public IServiceProvider Services => _factory?.Services ?? throw new InvalidOperationException("The agency is not running.");

    /// <summary>Adds an agency to the directory (index in the configured list); call before <see cref="Start"/>.</summary>
    public void Knows(int index, string code, string name, Uri? endpoint, string? key, string? trustedRootPem = null)
    {
        _settings[$"Documents:Exchange:Agencies:{index}:Code"] = code;
        _settings[$"Documents:Exchange:Agencies:{index}:Name"] = name;
        _settings[$"Documents:Exchange:Agencies:{index}:OrganizationInCharge"] = "Ủy ban nhân dân tỉnh";
        if (endpoint is not null) _settings[$"Documents:Exchange:Agencies:{index}:Endpoint"] = endpoint.ToString();
        if (key is not null) _settings[$"Documents:Exchange:Agencies:{index}:Key"] = key;
        if (trustedRootPem is not null) _settings[$"Documents:Exchange:TrustedCertificates:{_trusted++}"] = trustedRootPem;
    }

    public void Start()
    {
        _factory = new AgencyFactory(this);
        _factory.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, Port));
        _factory.StartServer();
    }

    public void Stop()
    {
        _factory?.Dispose();
        _factory = null;
    }

    public HttpClient Client(TestUser user)
    {
        var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{Port}") };
        user.SignIn(client);
        return client;
    }

    public OutgoingDriver Driver(TestUser? specialist = null) =>
        new(_factory ?? throw new InvalidOperationException("The agency is not running."), specialist);

    public void Dispose() => Stop();

    private sealed class AgencyFactory(AgencyHost host) : ServiceFactory<Program>(DatabaseKind.Sqlite, "documents")
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("DataFolder", host.DataFolder);
            builder.UseSetting("ConnectionStrings:Database", host.ConnectionString);
            foreach (var (key, value) in host._settings) builder.UseSetting(key, value);
        }
    }
}
