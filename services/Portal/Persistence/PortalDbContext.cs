using Microsoft.EntityFrameworkCore;
using Platform.Portal.Domain;
using Platform.ServiceDefaults.Storage;

namespace Platform.Portal.Persistence;

/// <summary>The portal's read model and its own content.</summary>
public abstract class PortalDbContext(DbContextOptions options) : ServiceDbContext(options)
{
    public DbSet<PublicDocument> PublicDocuments => Set<PublicDocument>();
    public DbSet<PublishedGazetteIssue> GazetteIssues => Set<PublishedGazetteIssue>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<PublicDocument>(document =>
        {
            document.ToTable("public_documents");
            document.HasKey(d => d.DocumentId);
            document.HasIndex(d => d.IssuedDate);
            document.Property(d => d.NumberAndCode).HasMaxLength(42);
            document.Property(d => d.DocumentType).HasMaxLength(100);
            document.Property(d => d.Subject).HasMaxLength(500);
            document.Property(d => d.SignerName).HasMaxLength(200);
        });
        modelBuilder.Entity<PublishedGazetteIssue>(issue =>
        {
            issue.ToTable("gazette_issues");
            issue.HasKey(i => i.IssueId);
            issue.HasIndex(i => new { i.Year, i.PublishedDate });
            issue.Property(i => i.Numbers).HasMaxLength(100);
            issue.Property(i => i.PdfUrl).HasMaxLength(500);
        });
    }
}

public sealed class SqlitePortalDbContext(DbContextOptions<SqlitePortalDbContext> options) : PortalDbContext(options);

public sealed class PostgresPortalDbContext(DbContextOptions<PostgresPortalDbContext> options) : PortalDbContext(options);

public sealed class SqlitePortalDesignTimeFactory : SqliteDesignTimeFactory<SqlitePortalDbContext>;

public sealed class PostgresPortalDesignTimeFactory : PostgresDesignTimeFactory<PostgresPortalDbContext>;
