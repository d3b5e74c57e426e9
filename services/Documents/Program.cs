using Platform.Documents;
using Platform.Documents.Search;
using Platform.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddDocumentsService();

var app = builder.Build();
if (await app.RunSearchCommandAsync(args)) return;
app.UseServiceDefaults();
app.MapDocumentsApis();
app.Run();

public partial class Program;
