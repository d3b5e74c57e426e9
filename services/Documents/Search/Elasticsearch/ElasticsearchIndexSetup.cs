namespace Platform.Documents.Search.Elasticsearch;

/// <summary>
/// Puts the index template at start-up. A cluster that is down only delays indexing: the
/// handlers fail, and the events are redelivered until it answers.
/// </summary>
public sealed partial class ElasticsearchIndexSetup(IServiceScopeFactory scopes, ILogger<ElasticsearchIndexSetup> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        for (var attempt = 1; !stoppingToken.IsCancellationRequested; attempt++)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var search = (ElasticsearchDocumentSearch)scope.ServiceProvider.GetRequiredService<IDocumentSearch>();
                await search.EnsureIndexAsync(stoppingToken);
                return;
            }
            catch (Exception exception) when (exception is HttpRequestException or SearchEngineException)
            {
                LogNotReady(logger, exception, attempt);
                await Task.Delay(TimeSpan.FromSeconds(Math.Min(60, attempt * 5)), stoppingToken);
            }
        }
    }

    [LoggerMessage(LogLevel.Warning, "Elasticsearch index setup failed (attempt {Attempt}); retrying")]
    private static partial void LogNotReady(ILogger logger, Exception exception, int attempt);
}
