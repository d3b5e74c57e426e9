using Platform.Tasks;
using Platform.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddTasksService();

var app = builder.Build();
app.UseServiceDefaults();
app.MapTasksApis();
app.Run();

public partial class Program;
