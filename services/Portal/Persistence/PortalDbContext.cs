using Microsoft.EntityFrameworkCore;
using Platform.Portal.Domain;
using Platform.ServiceDefaults.Storage;

namespace Platform.Portal.Persistence;

/// <summary>The portal's read model and its own content.</summary>
public abstract class PortalDbContext(DbContextOptions options) : ServiceDbContext(options)
{
    public DbSet<PublicDocument> PublicDocuments => Set<PublicDocument>();
    public DbSet<PublishedGazetteIssue> GazetteIssues => Set<PublishedGazetteIssue>();
    public DbSet<Feedback> Feedback => Set<Feedback>();

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
        modelBuilder.Entity<Feedback>(feedback =>
        {
            feedback.ToTable("feedback");
            feedback.HasKey(f => f.FeedbackId);
            feedback.HasIndex(f => f.TrackingCode).IsUnique();
            feedback.HasIndex(f => f.ReceivedAt);
            feedback.Property(f => f.TrackingCode).HasMaxLength(24);
            feedback.Property(f => f.SenderName).HasMaxLength(FeedbackLimits.Name);
            feedback.Property(f => f.Contact).HasMaxLength(FeedbackLimits.Contact);
            feedback.Property(f => f.Subject).HasMaxLength(FeedbackLimits.Subject);
            feedback.Property(f => f.Content).HasMaxLength(FeedbackLimits.Content);
            feedback.Property(f => f.Status).HasConversion<string>().HasMaxLength(20);
            feedback.OwnsOne(f => f.Attachment, attachment =>
            {
                attachment.Property(a => a.OriginalName).HasColumnName("attachment_name").HasMaxLength(200);
                attachment.Property(a => a.StoredName).HasColumnName("attachment_stored_name").HasMaxLength(100);
                attachment.Property(a => a.ContentType).HasColumnName("attachment_content_type").HasMaxLength(100);
                attachment.Property(a => a.Length).HasColumnName("attachment_length");
            });
        });
    }
}

public sealed class SqlitePortalDbContext(DbContextOptions<SqlitePortalDbContext> options) : PortalDbContext(options);

public sealed class PostgresPortalDbContext(DbContextOptions<PostgresPortalDbContext> options) : PortalDbContext(options);

public sealed class SqlitePortalDesignTimeFactory : SqliteDesignTimeFactory<SqlitePortalDbContext>;

public sealed class PostgresPortalDesignTimeFactory : PostgresDesignTimeFactory<PostgresPortalDbContext>;
