using Microsoft.EntityFrameworkCore;
using Platform.Identity;
using Platform.Identity.Persistence;
using Platform.ServiceDefaults;

if (PasswordHashCommand.TryRun(args, Console.In, Console.Out))
{
    return;
}

var builder = WebApplication.CreateBuilder(args);
// Identity issues tokens; it does not validate bearer tokens (its cookie is the default scheme).
builder.AddServiceDefaults("identity", validateTokens: false);
builder.Services.AddHealthChecks().AddDbContextCheck<IdentityDbContext>("database", tags: ["ready"]);
builder.AddIdentityProvider();

var app = builder.Build();

app.UseServiceDefaults();
app.MapIdentityEndpoints();

app.Run();

public partial class Program;
