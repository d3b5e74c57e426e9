using Platform.Reporting;
using Platform.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddReportingService();

var app = builder.Build();
app.UseServiceDefaults();
app.MapReportingApis();
app.Run();

public partial class Program;
