using Microsoft.EntityFrameworkCore;

namespace Platform.ServiceDefaults.Storage;

/// <summary>
/// Gap-free yearly counters (arrival numbers, document numbers, gazette issue numbers).
/// One atomic UPDATE ... RETURNING inside the caller's transaction: a rolled-back caller
/// gives its number back, and concurrent callers queue on the row lock (PostgreSQL) or the
/// database write lock (SQLite), so no number repeats or goes missing.
/// </summary>
public static class NumberSeries
{
    public const string Table = "number_series";

    /// <summary>Adds the counter table to a service's model.</summary>
    public static void AddNumberSeries(this ModelBuilder modelBuilder) =>
        modelBuilder.Entity<NumberSeriesRow>(series =>
        {
            series.ToTable(Table);
            series.HasKey(s => new { s.Series, s.Year });
            series.Property(s => s.Series).HasColumnName("series").HasMaxLength(100);
            series.Property(s => s.Year).HasColumnName("year");
            series.Property(s => s.Last).HasColumnName("last");
        });

    /// <summary>Takes the next number of a series for a year; call it inside a transaction.</summary>
    public static async Task<int> NextAsync(DbContext db, string series, int year, CancellationToken cancellationToken)
    {
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"INSERT INTO number_series (series, year, last) VALUES ({series}, {year}, 0) ON CONFLICT DO NOTHING",
            cancellationToken);
        var next = await db.Database
            .SqlQuery<int>($"UPDATE number_series SET last = last + 1 WHERE series = {series} AND year = {year} RETURNING last AS \"Value\"")
            .ToListAsync(cancellationToken);
        return next.Single();
    }
}

/// <summary>A row of <see cref="NumberSeries"/>.</summary>
public sealed class NumberSeriesRow
{
    public required string Series { get; set; }
    public int Year { get; set; }
    public int Last { get; set; }
}
