using Microsoft.EntityFrameworkCore;
using Platform.Reporting.Domain;
using Platform.ServiceDefaults.Storage;

namespace Platform.Reporting.Persistence;

/// <summary>Reporting's own fact tables, fed only by events.</summary>
public abstract class ReportingDbContext(DbContextOptions options) : ServiceDbContext(options)
{
    public DbSet<DocumentFact> DocumentFacts => Set<DocumentFact>();
    public DbSet<TaskFact> TaskFacts => Set<TaskFact>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<DocumentFact>(fact =>
        {
            fact.ToTable("document_facts");
            fact.HasKey(f => f.EventId);
            fact.Property(f => f.EventId).HasMaxLength(100);
            fact.HasIndex(f => new { f.Flow, f.Day });
            fact.Property(f => f.Flow).HasConversion<string>().HasMaxLength(20);
            fact.Property(f => f.Unit).HasMaxLength(50);
            fact.Property(f => f.DocumentType).HasMaxLength(100);
            fact.Property(f => f.Urgency).HasConversion<string>().HasMaxLength(20);
        });
        modelBuilder.Entity<TaskFact>(fact =>
        {
            fact.ToTable("task_facts");
            fact.HasKey(f => f.EventId);
            fact.Property(f => f.EventId).HasMaxLength(100);
            fact.HasIndex(f => new { f.LeadUnit, f.Day });
            fact.Property(f => f.LeadUnit).HasMaxLength(50);
        });
    }
}

public sealed class SqliteReportingDbContext(DbContextOptions<SqliteReportingDbContext> options) : ReportingDbContext(options);

public sealed class PostgresReportingDbContext(DbContextOptions<PostgresReportingDbContext> options) : ReportingDbContext(options);

public sealed class SqliteReportingDesignTimeFactory : SqliteDesignTimeFactory<SqliteReportingDbContext>;

public sealed class PostgresReportingDesignTimeFactory : PostgresDesignTimeFactory<PostgresReportingDbContext>;
