using Microsoft.EntityFrameworkCore;
using Platform.Gazette.Domain;
using Platform.ServiceDefaults.Storage;

namespace Platform.Gazette.Persistence;

/// <summary>The Gazette service's own database.</summary>
public abstract class GazetteDbContext(DbContextOptions options) : ServiceDbContext(options)
{
    public DbSet<GazetteEntry> Entries => Set<GazetteEntry>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.AddNumberSeries();
        modelBuilder.Entity<GazetteEntry>(entry =>
        {
            entry.ToTable("gazette_entries");
            entry.HasKey(e => e.Id);
            entry.HasIndex(e => e.DocumentId).IsUnique();
            entry.Property(e => e.NumberAndCode).HasMaxLength(42);
            entry.Property(e => e.DocumentType).HasMaxLength(100);
            entry.Property(e => e.Subject).HasMaxLength(500);
        });
    }
}

public sealed class SqliteGazetteDbContext(DbContextOptions<SqliteGazetteDbContext> options) : GazetteDbContext(options);

public sealed class PostgresGazetteDbContext(DbContextOptions<PostgresGazetteDbContext> options) : GazetteDbContext(options);

public sealed class SqliteGazetteDesignTimeFactory : SqliteDesignTimeFactory<SqliteGazetteDbContext>;

public sealed class PostgresGazetteDesignTimeFactory : PostgresDesignTimeFactory<PostgresGazetteDbContext>;
