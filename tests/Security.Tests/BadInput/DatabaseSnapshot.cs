using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;
using Npgsql;
using Platform.TestSupport;

namespace Platform.Security.Tests.BadInput;

/// <summary>
/// A fingerprint of every table of a service's database: row count and a hash of all rows.
/// Two snapshots around a rejected request must be equal. The outbox is counted, not hashed:
/// its dispatcher marks rows sent in the background, which is not a change a request made. The
/// inbox is left out: only consumers write it.
/// </summary>
public sealed record DatabaseSnapshot(IReadOnlyDictionary<string, string> Tables)
{
    public static async Task<DatabaseSnapshot> TakeAsync(DatabaseKind kind, string connectionString)
    {
        await using DbConnection connection = kind == DatabaseKind.Postgres
            ? new NpgsqlConnection(connectionString)
            : new SqliteConnection(connectionString + ";Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = kind == DatabaseKind.Postgres
                ? "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'"
                : "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        }
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        // The inbox is written by the service's own consumers in the background, never by a request.
        var watched = tables.Where(t => t != "__EFMigrationsHistory" && !t.Contains("inbox", StringComparison.OrdinalIgnoreCase)).ToList();
        if (kind == DatabaseKind.Postgres)
        {
            // One round trip: the server hashes each table's rows itself.
            await using var command = connection.CreateCommand();
            command.CommandText = string.Join(" UNION ALL ", watched.Select(t => CountOnly(t)
                ? $"SELECT '{t}', COUNT(*)::text FROM \"{t}\""
                : $"SELECT '{t}', COUNT(*)::text || ':' || md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) FROM \"{t}\" x"));
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync()) result[reader.GetString(0)] = reader.GetString(1);
            return new DatabaseSnapshot(result);
        }
        foreach (var table in watched)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = CountOnly(table) ? $"SELECT COUNT(*) FROM \"{table}\"" : $"SELECT * FROM \"{table}\"";
            await using var reader = await command.ExecuteReaderAsync();
            var rows = new List<string>();
            while (await reader.ReadAsync())
            {
                var row = new StringBuilder();
                for (var i = 0; i < reader.FieldCount; i++) row.Append(reader.IsDBNull(i) ? "∅" : Convert.ToString(reader.GetValue(i) is byte[] b ? Convert.ToHexString(SHA256.HashData(b)) : reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)).Append('|');
                rows.Add(row.ToString());
            }
            rows.Sort(StringComparer.Ordinal);
            result[table] = $"{rows.Count}:{Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', rows))))[..16]}";
        }
        return new DatabaseSnapshot(result);
    }

    private static bool CountOnly(string table) => table.Contains("outbox", StringComparison.OrdinalIgnoreCase);

    public IEnumerable<string> ChangedTables(DatabaseSnapshot after) =>
        Tables.Keys.Union(after.Tables.Keys).Where(t => Tables.GetValueOrDefault(t) != after.Tables.GetValueOrDefault(t));
}
