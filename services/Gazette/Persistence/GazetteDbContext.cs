using Microsoft.EntityFrameworkCore;
using Platform.Gazette.Domain;
using Platform.ServiceDefaults.Storage;

namespace Platform.Gazette.Persistence;

/// <summary>The Gazette service's own database.</summary>
public abstract class GazetteDbContext(DbContextOptions options) : ServiceDbContext(options)
{
    public DbSet<GazetteEntry> Entries => Set<GazetteEntry>();
    public DbSet<EntryHistory> EntryHistory => Set<EntryHistory>();
    public DbSet<GazetteIssue> Issues => Set<GazetteIssue>();
    public DbSet<IssueDocument> IssueDocuments => Set<IssueDocument>();
    public DbSet<StoredFile> Files => Set<StoredFile>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.AddNumberSeries();
        modelBuilder.Entity<GazetteEntry>(entry =>
        {
            entry.ToTable("gazette_entries");
            entry.HasKey(e => e.Id);
            entry.HasIndex(e => e.DocumentId).IsUnique();
            entry.HasIndex(e => e.Status);
            entry.HasIndex(e => e.ReceivedDate);
            entry.Property(e => e.NumberAndCode).HasMaxLength(42);
            entry.Property(e => e.DocumentType).HasMaxLength(100);
            entry.Property(e => e.Subject).HasMaxLength(500);
            entry.Property(e => e.IssuingBody).HasMaxLength(200);
            entry.Property(e => e.SignerName).HasMaxLength(200);
            entry.Property(e => e.OriginalFileName).HasMaxLength(260);
            entry.Property(e => e.LastError).HasMaxLength(2000);
            entry.Property(e => e.SearchText).HasMaxLength(1000);
            entry.Property(e => e.Status).HasConversion<string>().HasMaxLength(20);
            entry.Property(e => e.Source).HasConversion<string>().HasMaxLength(20);
            entry.Property(e => e.AnnouncedState).HasConversion<string>().HasMaxLength(20);
            entry.HasMany(e => e.History).WithOne().HasForeignKey(h => h.EntryId);
        });
        modelBuilder.Entity<EntryHistory>(history =>
        {
            history.ToTable("gazette_entry_history");
            history.HasKey(h => h.Id);
            // Ids are made in code (version 7); a history row reached through its entry is new, not an update.
            history.Property(h => h.Id).ValueGeneratedNever();
            history.Property(h => h.Action).HasConversion<string>().HasMaxLength(20);
            history.Property(h => h.By).HasMaxLength(100);
            history.Property(h => h.Note).HasMaxLength(2000);
        });
        modelBuilder.Entity<GazetteIssue>(issue =>
        {
            issue.ToTable("gazette_issues");
            issue.HasKey(i => i.Id);
            // The series already keeps numbers unique; the index is the database's own guard.
            issue.HasIndex(i => new { i.Year, i.FirstNumber }).IsUnique();
            issue.Property(i => i.Status).HasConversion<string>().HasMaxLength(20);
            issue.Property(i => i.CorrectionNote).HasMaxLength(4000);
            issue.Property(i => i.CreatedBy).HasMaxLength(100);
            issue.Property(i => i.PublishedBy).HasMaxLength(100);
            issue.Property(i => i.Revision).IsConcurrencyToken();
            issue.Ignore(i => i.Numbers);
            issue.Ignore(i => i.Label);
            issue.HasMany(i => i.Documents).WithOne().HasForeignKey(d => d.IssueId);
        });
        modelBuilder.Entity<IssueDocument>(document =>
        {
            document.ToTable("gazette_issue_documents");
            document.HasKey(d => new { d.IssueId, d.EntryId });
            document.HasIndex(d => d.EntryId);
        });
        modelBuilder.Entity<StoredFile>(file =>
        {
            file.ToTable("gazette_files");
            file.HasKey(f => f.Id);
            file.Property(f => f.FileName).HasMaxLength(260);
            file.Property(f => f.ContentType).HasMaxLength(100);
            file.Property(f => f.Sha256).HasMaxLength(64);
        });
    }
}

public sealed class SqliteGazetteDbContext(DbContextOptions<SqliteGazetteDbContext> options) : GazetteDbContext(options);

public sealed class PostgresGazetteDbContext(DbContextOptions<PostgresGazetteDbContext> options) : GazetteDbContext(options);

public sealed class SqliteGazetteDesignTimeFactory : SqliteDesignTimeFactory<SqliteGazetteDbContext>;

public sealed class PostgresGazetteDesignTimeFactory : PostgresDesignTimeFactory<PostgresGazetteDbContext>;
