using Microsoft.EntityFrameworkCore;

namespace Platform.ServiceDefaults.Storage;

/// <summary>
/// Gap-free yearly counters (arrival numbers, document numbers, gazette issue numbers).
/// One atomic INSERT ... ON CONFLICT DO UPDATE ... RETURNING inside the caller's transaction: a
/// rolled-back caller gives its number back, and concurrent callers queue on the row lock
/// (PostgreSQL) or the database write lock (SQLite), so no number repeats or goes missing.
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
    /// <remarks>
    /// One statement, not an INSERT ... DO NOTHING followed by an UPDATE: the first number of a year
    /// creates the row with 1, every later one increments it under the same row lock, and each
    /// registration pays one round trip for its number instead of two.
    /// </remarks>
    public static async Task<int> NextAsync(DbContext db, string series, int year, CancellationToken cancellationToken)
    {
        var next = await db.Database
            .SqlQuery<int>($"INSERT INTO number_series (series, year, last) VALUES ({series}, {year}, 1) ON CONFLICT (series, year) DO UPDATE SET last = number_series.last + 1 RETURNING last AS \"Value\"")
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
