using Microsoft.EntityFrameworkCore;
using Platform.Reporting.Domain;
using Platform.ServiceDefaults.Storage;

namespace Platform.Reporting.Persistence;

/// <summary>Reporting's own event log and the fact tables projected from it, fed only by events.</summary>
public abstract class ReportingDbContext(DbContextOptions options) : ServiceDbContext(options)
{
    public DbSet<EventLogEntry> EventLog => Set<EventLogEntry>();
    public DbSet<DocumentFact> DocumentFacts => Set<DocumentFact>();
    public DbSet<AssignmentFact> AssignmentFacts => Set<AssignmentFact>();
    public DbSet<TaskFact> TaskFacts => Set<TaskFact>();
    public DbSet<TaskStatusFact> TaskStatusFacts => Set<TaskStatusFact>();
    public DbSet<TaskAlertFact> TaskAlertFacts => Set<TaskAlertFact>();
    public DbSet<GazettePublicationFact> GazettePublicationFacts => Set<GazettePublicationFact>();
    public DbSet<FeedbackFact> FeedbackFacts => Set<FeedbackFact>();
    public DbSet<ReportSnapshot> ReportSnapshots => Set<ReportSnapshot>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<EventLogEntry>(log =>
        {
            log.ToTable("event_log");
            log.HasKey(e => e.Sequence);
            log.Property(e => e.Sequence).ValueGeneratedOnAdd();
            log.HasIndex(e => e.EventId).IsUnique();
            log.Property(e => e.EventId).HasMaxLength(200);
            log.Property(e => e.Topic).HasMaxLength(200);
            log.Property(e => e.Source).HasMaxLength(200);
        });
        modelBuilder.Entity<DocumentFact>(fact =>
        {
            fact.ToTable("document_facts");
            fact.HasKey(f => f.EventId);
            fact.Property(f => f.EventId).HasMaxLength(200);
            fact.HasIndex(f => new { f.Flow, f.Day });
            fact.Property(f => f.Flow).HasConversion<string>().HasMaxLength(20);
            fact.Property(f => f.Unit).HasMaxLength(50);
            fact.Property(f => f.DocumentType).HasMaxLength(100);
            fact.Property(f => f.Urgency).HasConversion<string>().HasMaxLength(20);
        });
        modelBuilder.Entity<AssignmentFact>(fact =>
        {
            fact.ToTable("assignment_facts");
            fact.HasKey(f => f.EventId);
            fact.Property(f => f.EventId).HasMaxLength(200);
            fact.HasIndex(f => f.DocumentId);
            fact.Property(f => f.LeadUnit).HasMaxLength(50);
        });
        modelBuilder.Entity<TaskFact>(fact =>
        {
            fact.ToTable("task_facts");
            fact.HasKey(f => f.EventId);
            fact.Property(f => f.EventId).HasMaxLength(200);
            fact.HasIndex(f => new { f.LeadUnit, f.Day });
            fact.HasIndex(f => f.Day);
            fact.Property(f => f.LeadUnit).HasMaxLength(50);
        });
        modelBuilder.Entity<TaskStatusFact>(fact =>
        {
            fact.ToTable("task_status_facts");
            fact.HasKey(f => f.EventId);
            fact.Property(f => f.EventId).HasMaxLength(200);
            fact.HasIndex(f => new { f.Day, f.TaskId });
            fact.Property(f => f.To).HasConversion<string>().HasMaxLength(30);
        });
        modelBuilder.Entity<TaskAlertFact>(fact =>
        {
            fact.ToTable("task_alert_facts");
            fact.HasKey(f => f.EventId);
            fact.Property(f => f.EventId).HasMaxLength(200);
            fact.HasIndex(f => new { f.Day, f.TaskId });
            fact.Property(f => f.Alert).HasConversion<string>().HasMaxLength(20);
        });
        modelBuilder.Entity<GazettePublicationFact>(fact =>
        {
            fact.ToTable("gazette_publication_facts");
            fact.HasKey(f => new { f.EventId, f.DocumentId });
            fact.Property(f => f.EventId).HasMaxLength(200);
            fact.HasIndex(f => f.PublishedDate);
        });
        modelBuilder.Entity<FeedbackFact>(fact =>
        {
            fact.ToTable("feedback_facts");
            fact.HasKey(f => f.EventId);
            fact.Property(f => f.EventId).HasMaxLength(200);
            fact.HasIndex(f => f.Day);
        });
        modelBuilder.Entity<ReportSnapshot>(snapshot =>
        {
            snapshot.ToTable("report_snapshots");
            snapshot.HasKey(s => s.Id);
            snapshot.Property(s => s.Id).ValueGeneratedOnAdd();
            snapshot.HasIndex(s => new { s.PeriodKey, s.Scope }).IsUnique();
            snapshot.Property(s => s.PeriodKey).HasMaxLength(20);
            snapshot.Property(s => s.Scope).HasMaxLength(50);
            snapshot.Property(s => s.GeneratedBy).HasMaxLength(200);
            snapshot.Property(s => s.Sha256).HasMaxLength(64);
        });
    }
}

public sealed class SqliteReportingDbContext(DbContextOptions<SqliteReportingDbContext> options) : ReportingDbContext(options);

public sealed class PostgresReportingDbContext(DbContextOptions<PostgresReportingDbContext> options) : ReportingDbContext(options);

public sealed class SqliteReportingDesignTimeFactory : SqliteDesignTimeFactory<SqliteReportingDbContext>;

public sealed class PostgresReportingDesignTimeFactory : PostgresDesignTimeFactory<PostgresReportingDbContext>;
