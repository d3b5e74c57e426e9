using Microsoft.EntityFrameworkCore;
using Platform.ServiceDefaults.Storage;

namespace Platform.Benchmarks.Storage;

/// <summary>
/// A service database reduced to what the benchmarks touch: the outbox and inbox of every
/// service, the number series, and one table of state changes.
/// </summary>
public abstract class BenchDbContext(DbContextOptions options) : ServiceDbContext(options)
{
    public DbSet<BenchItem> Items => Set<BenchItem>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.AddNumberSeries();
        modelBuilder.Entity<BenchItem>(item =>
        {
            item.ToTable("bench_items");
            item.HasKey(i => i.Id);
            item.Property(i => i.Note).HasMaxLength(200);
        });
    }
}

/// <summary>A state change worth an event.</summary>
public sealed class BenchItem
{
    public Guid Id { get; init; }
    public int Sequence { get; init; }
    public required string Note { get; init; }
}

// One type per provider, as in the services: EF caches one model per context type.
public sealed class SqliteBenchDbContext(DbContextOptions<SqliteBenchDbContext> options) : BenchDbContext(options);

public sealed class PostgresBenchDbContext(DbContextOptions<PostgresBenchDbContext> options) : BenchDbContext(options);
