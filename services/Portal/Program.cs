using Platform.Portal;
using Platform.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddPortalService();

var app = builder.Build();
app.UseServiceDefaults();
app.MapPortalApis();
app.Run();

public partial class Program;
