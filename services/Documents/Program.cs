using Platform.Documents;
using Platform.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddDocumentsService();

var app = builder.Build();
app.UseServiceDefaults();
app.MapDocumentsApis();
app.Run();

public partial class Program;
