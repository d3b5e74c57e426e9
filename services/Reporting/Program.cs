using Platform.Reporting;
using Platform.Reporting.Rebuild;
using Platform.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddReportingService();

var app = builder.Build();
if (RebuildCommand.IsRequested(args)) return await RebuildCommand.RunAsync(app);
app.UseServiceDefaults();
app.MapReportingApis();
app.Run();
return 0;

public partial class Program;
