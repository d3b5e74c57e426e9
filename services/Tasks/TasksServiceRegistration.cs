using Platform.Contracts.Events;
using Platform.ServiceDefaults;
using Platform.ServiceDefaults.Events;
using Platform.Tasks.Apis;
using Platform.Tasks.Consumers;
using Platform.Tasks.Persistence;

namespace Platform.Tasks;

public static class TasksServiceRegistration
{
    public const string AppId = "tasks";

    public static WebApplicationBuilder AddTasksService(this WebApplicationBuilder builder)
    {
        builder.AddServiceDefaults<TasksDbContext, SqliteTasksDbContext, PostgresTasksDbContext>(AppId);
        builder.Services.AddEventHandler<DocumentAssigned, CreateTasksFromDirection>();
        return builder;
    }

    public static WebApplication MapTasksApis(this WebApplication app)
    {
        app.MapTasksApi();
        return app;
    }
}
