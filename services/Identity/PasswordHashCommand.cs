using System.Text.Encodings.Web;
using System.Text.Json;
using Platform.Identity.Realm;

namespace Platform.Identity;

/// <summary>
/// <c>dotnet run --project services/Identity -- --hash-password</c> reads one password from standard input
/// (never from the command line, where shell history and process lists would keep it) and prints a
/// Keycloak password credential to paste into a user's "credentials" in the realm file.
/// </summary>
public static class PasswordHashCommand
{
    public const string Switch = "--hash-password";

    public static bool TryRun(string[] args, TextReader input, TextWriter output)
    {
        if (!args.Contains(Switch, StringComparer.Ordinal)) return false;
        var password = input.ReadLine();
        if (string.IsNullOrEmpty(password))
        {
            Console.Error.WriteLine("Type the password on standard input, e.g. read -rs P; printf '%s\\n' \"$P\" | dotnet run -- --hash-password");
            Environment.ExitCode = 1;
            return true;
        }
        output.WriteLine(JsonSerializer.Serialize(PasswordHasher.Hash(password), new JsonSerializerOptions(RealmFile.JsonOptions) { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
        return true;
    }
}
