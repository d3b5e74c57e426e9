using Platform.Contracts.Events;
using Platform.ServiceDefaults;
using Platform.ServiceDefaults.Auth;
using Platform.ServiceDefaults.Events;
using Platform.Tasks.Apis;
using Platform.Tasks.Consumers;
using Platform.Tasks.Grpc;
using Platform.Tasks.Notifications;
using Platform.Tasks.Persistence;

namespace Platform.Tasks;

public static class TasksServiceRegistration
{
    public const string AppId = "tasks";

    public static WebApplicationBuilder AddTasksService(this WebApplicationBuilder builder)
    {
        builder.AddServiceDefaults<TasksDbContext, SqliteTasksDbContext, PostgresTasksDbContext>(AppId);
        builder.AddTasksSilo();
        builder.Services.AddSingleton<TaskViews>();
        builder.Services.AddEventHandler<DocumentAssigned, CreateTasksFromDirection>();
        builder.Services.AddSingleton<TaskCreationSignal>();
        builder.Services.AddHostedService<TaskCreationPump>();
        builder.Services.Configure<SmtpOptions>(builder.Configuration.GetSection(SmtpOptions.Section));
        if (string.Equals(builder.Configuration["Tasks:Notifications:Sender"], "smtp", StringComparison.OrdinalIgnoreCase))
            builder.Services.AddSingleton<INotificationSender, SmtpNotificationSender>();
        else
            builder.Services.AddSingleton<INotificationSender, LoggingNotificationSender>();
        builder.Services.AddSingleton<NotificationDispatcher>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<NotificationDispatcher>());
        builder.Services.AddGrpc();
        return builder;
    }

    public static WebApplication MapTasksApis(this WebApplication app)
    {
        app.MapDashboardApi();
        app.MapTasksApi();
        app.MapGrpcService<TasksQueryService>().RequireAuthorization(Policies.TasksAccess);
        return app;
    }
}
