extern alias documents;
using System.Diagnostics;
using documents::Platform.Documents.Search;
using Npgsql;
using NpgsqlTypes;

namespace Platform.Benchmarks.Search;

/// <summary>
/// The baseline: PostgreSQL full-text search on the same corpus, as one would build it
/// without a search engine: a text search configuration that strips diacritics with the
/// unaccent extension (so it matches with or without them, đ included), a stored tsvector,
/// a GIN index, and a ranked top 10 under the same secrecy filter.
/// </summary>
public sealed class PostgresFullText(string connectionString)
{
    public async Task<TimeSpan> LoadAsync(IEnumerable<SearchDocument> documents)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await Execute(connection, """
            CREATE EXTENSION IF NOT EXISTS unaccent;
            CREATE TEXT SEARCH CONFIGURATION vn (COPY = simple);
            ALTER TEXT SEARCH CONFIGURATION vn ALTER MAPPING FOR hword, hword_part, word WITH unaccent, simple;
            CREATE TABLE search_docs (
                id uuid PRIMARY KEY, number_and_code text NOT NULL, subject text NOT NULL, body text NOT NULL, secrecy int NOT NULL,
                tsv tsvector GENERATED ALWAYS AS (to_tsvector('vn'::regconfig, subject || ' ' || body)) STORED);
            """);
        var started = Stopwatch.GetTimestamp();
        await using (var import = await connection.BeginBinaryImportAsync("COPY search_docs (id, number_and_code, subject, body, secrecy) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var d in documents)
            {
                await import.StartRowAsync();
                await import.WriteAsync(d.Id, NpgsqlDbType.Uuid);
                await import.WriteAsync(d.NumberAndCode, NpgsqlDbType.Text);
                await import.WriteAsync(d.Subject, NpgsqlDbType.Text);
                await import.WriteAsync(d.Body ?? "", NpgsqlDbType.Text);
                await import.WriteAsync((int)d.Secrecy, NpgsqlDbType.Integer);
            }
            await import.CompleteAsync();
        }
        await Execute(connection, "CREATE INDEX search_docs_tsv ON search_docs USING GIN (tsv); ANALYZE search_docs;");
        return Stopwatch.GetElapsedTime(started);
    }

    public async Task<double[]> QueryAsync(IReadOnlyList<string> queries, int clearance)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT id, ts_rank(tsv, q) AS rank
            FROM search_docs, plainto_tsquery('vn'::regconfig, @q) q
            WHERE tsv @@ q AND secrecy <= @clearance
            ORDER BY rank DESC LIMIT 10
            """, connection);
        var text = command.Parameters.Add("q", NpgsqlDbType.Text);
        command.Parameters.AddWithValue("clearance", clearance);
        await command.PrepareAsync();
        var latencies = new double[queries.Count];
        for (var i = 0; i < queries.Count; i++)
        {
            text.Value = queries[i];
            var started = Stopwatch.GetTimestamp();
            await using (var reader = await command.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync()) { }
            }
            latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }
        return latencies;
    }

    private static async Task Execute(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync();
    }
}
