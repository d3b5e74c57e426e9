using Platform.Identity;

if (PasswordHashCommand.TryRun(args, Console.In, Console.Out))
{
    return;
}

var builder = WebApplication.CreateBuilder(args);

builder.AddIdentityProvider();

var app = builder.Build();

app.UseIdentityProvider();
app.MapIdentityEndpoints();

app.Run();

public partial class Program;
