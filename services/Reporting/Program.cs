using Platform.Reporting;
using Platform.Reporting.Rebuild;
using Platform.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddReportingService();

if (RebuildCommand.IsRequested(args)) return await RebuildCommand.RunAsync(builder);

var app = builder.Build();
app.UseServiceDefaults();
app.MapReportingApis();
app.Run();
return 0;

public partial class Program;
