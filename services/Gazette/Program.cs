using Platform.Gazette;
using Platform.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddGazetteService();

var app = builder.Build();
app.UseServiceDefaults();
app.MapGazetteApis();
app.Run();

public partial class Program;
