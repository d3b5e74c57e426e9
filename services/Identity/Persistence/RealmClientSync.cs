using OpenIddict.Abstractions;
using Platform.Identity.Realm;
using Platform.Identity.Server;
using Platform.Identity.Tokens;

namespace Platform.Identity.Persistence;

/// <summary>
/// At startup, makes OpenIddict's application store say what the realm file says: clients are created or
/// updated, and clients no longer in the file are removed, so editing the file and restarting is enough.
/// </summary>
public sealed class RealmClientSync(IServiceProvider services, RealmDirectory realm, IdentitySettings settings, ILogger<RealmClientSync> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var database = scope.ServiceProvider.GetRequiredService<IdentityDbContext>().Database;
        await database.EnsureCreatedAsync(cancellationToken);

        var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        var wanted = new HashSet<string>(StringComparer.Ordinal);
        foreach (var client in realm.Clients)
        {
            if (!ClientDescriptors.IsUsable(client, out var reason))
            {
                logger.LogWarning("Client {ClientId} is skipped: {Reason}", client.ClientId, reason);
                continue;
            }
            foreach (var mapper in client.ProtocolMappers.Where(m => !ProtocolMappers.Supported.Contains(m.Type)))
            {
                logger.LogWarning("Client {ClientId}: protocol mapper {Mapper} of type {Type} is not supported and is ignored",
                    client.ClientId, mapper.Name, mapper.Type);
            }
            wanted.Add(client.ClientId);
            var descriptor = ClientDescriptors.From(client, logger);
            var existing = await applications.FindByClientIdAsync(client.ClientId, cancellationToken);
            if (existing is null) await applications.CreateAsync(descriptor, cancellationToken);
            else await applications.UpdateAsync(existing, descriptor, cancellationToken);
        }

        var stale = new List<object>();
        await foreach (var application in applications.ListAsync(count: null, offset: null, cancellationToken))
        {
            var clientId = await applications.GetClientIdAsync(application, cancellationToken);
            if (clientId is not null && !wanted.Contains(clientId)) stale.Add(application);
        }
        foreach (var application in stale) await applications.DeleteAsync(application, cancellationToken);

        logger.LogInformation("Realm {Realm} loaded from {RealmFile}: {Users} users, {Clients} clients; state in {StateFolder}",
            realm.Name, settings.RealmFile, realm.File.Users.Count, wanted.Count, settings.StateFolder);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
