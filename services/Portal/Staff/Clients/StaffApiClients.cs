namespace Platform.Portal.Staff.Clients;

public static class StaffApiClients
{
    /// <summary>
    /// Each service at its address under <c>Services:&lt;app id&gt;</c>, the keys the launcher and
    /// the chart give every workload; the person's token goes with every call.
    /// </summary>
    public static IServiceCollection AddStaffApiClients(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddHttpContextAccessor();
        services.AddTransient<UserAccessTokenHandler>();
        services.AddHttpClient<DocumentsClient>(http => Configure(http, configuration, "documents")).AddHttpMessageHandler<UserAccessTokenHandler>();
        services.AddHttpClient<TasksClient>(http => Configure(http, configuration, "tasks")).AddHttpMessageHandler<UserAccessTokenHandler>();
        services.AddHttpClient<GazetteClient>(http => Configure(http, configuration, "gazette")).AddHttpMessageHandler<UserAccessTokenHandler>();
        services.AddHttpClient<NewsClient>(http => Configure(http, configuration, "portal")).AddHttpMessageHandler<UserAccessTokenHandler>();
        return services;
    }

    private static void Configure(HttpClient http, IConfiguration configuration, string appId)
    {
        var address = configuration[$"Services:{appId}"];
        // Without an address the client fails on use with a clear message, not at start-up:
        // the public portal works without the staff console's services.
        if (!string.IsNullOrWhiteSpace(address)) http.BaseAddress = new Uri(address);
        http.Timeout = TimeSpan.FromSeconds(30);
    }
}
