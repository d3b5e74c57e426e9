using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Platform.Portal.Domain;
using Platform.ServiceDefaults.Storage;

namespace Platform.Portal.Persistence;

/// <summary>The portal's read model and its own content.</summary>
public abstract class PortalDbContext(DbContextOptions options) : ServiceDbContext(options)
{
    public DbSet<PublicDocument> PublicDocuments => Set<PublicDocument>();
    public DbSet<PublishedGazetteIssue> GazetteIssues => Set<PublishedGazetteIssue>();
    public DbSet<Feedback> Feedback => Set<Feedback>();
    public DbSet<NewsCategory> NewsCategories => Set<NewsCategory>();
    public DbSet<NewsArticle> NewsArticles => Set<NewsArticle>();
    public DbSet<PortalSection> Sections => Set<PortalSection>();
    public DbSet<ConsultationDraft> ConsultationDrafts => Set<ConsultationDraft>();
    public DbSet<ConsultationComment> ConsultationComments => Set<ConsultationComment>();

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
            document.Property(d => d.SignerPosition).HasMaxLength(200);
            document.Property(d => d.SearchText).HasMaxLength(1000);
            document.Property(d => d.WithdrawnBecause).HasConversion<string>().HasMaxLength(20);
            // Withdrawn documents are tombstones for the consumers (PublishPublicDocument);
            // no page, search or list may show one, so the rule is here and not in every query.
            document.HasQueryFilter(d => d.WithdrawnAt == null);
            document.OwnsOne(d => d.Verification, check =>
            {
                check.Property(c => c.Valid).HasColumnName("verification_valid");
                check.Property(c => c.Message).HasColumnName("verification_message").HasMaxLength(500);
                check.Property(c => c.Signer).HasColumnName("verification_signer").HasMaxLength(500);
                check.Property(c => c.SignedAtUtc).HasColumnName("verification_signed_at");
                check.Property(c => c.CheckedAt).HasColumnName("verification_checked_at");
            });
            document.OwnsMany(d => d.Files, file =>
            {
                file.ToTable("public_document_files");
                file.WithOwner().HasForeignKey("DocumentId");
                file.HasKey(f => f.FileId);
                file.Property(f => f.FileId).ValueGeneratedNever();
                file.Property(f => f.FileName).HasMaxLength(260);
                file.Property(f => f.ContentType).HasMaxLength(100);
            });
        });
        modelBuilder.Entity<PublishedGazetteIssue>(issue =>
        {
            issue.ToTable("gazette_issues");
            issue.HasKey(i => i.IssueId);
            issue.HasIndex(i => new { i.Year, i.PublishedDate });
            issue.Property(i => i.Numbers).HasMaxLength(100);
            issue.Property(i => i.PdfUrl).HasMaxLength(500);
            issue.Property(i => i.DocumentIds).HasMaxLength(4000);
        });
        modelBuilder.Entity<PortalSection>(section =>
        {
            section.ToTable("sections");
            section.HasKey(s => s.Key);
            section.Property(s => s.Key).HasMaxLength(60);
            section.Property(s => s.Title).HasMaxLength(PortalSections.TitleLimit);
            section.Property(s => s.Body).HasMaxLength(PortalSections.BodyLimit);
            section.Property(s => s.LinksText).HasMaxLength(PortalSections.LinksLimit);
            section.Property(s => s.UpdatedBy).HasMaxLength(100);
            section.Ignore(s => s.Links);
            section.Ignore(s => s.Paragraphs);
        });
        modelBuilder.Entity<ConsultationDraft>(draft =>
        {
            draft.ToTable("consultation_drafts");
            draft.HasKey(d => d.DraftId);
            draft.HasIndex(d => d.ClosesOn);
            draft.Property(d => d.Title).HasMaxLength(ConsultationLimits.Title);
            draft.Property(d => d.DraftingBody).HasMaxLength(ConsultationLimits.DraftingBody);
            draft.Property(d => d.Summary).HasMaxLength(ConsultationLimits.Summary);
            draft.Property(d => d.CreatedBy).HasMaxLength(100);
            draft.Ignore(d => d.Paragraphs);
        });
        modelBuilder.Entity<ConsultationComment>(comment =>
        {
            comment.ToTable("consultation_comments");
            comment.HasKey(c => c.CommentId);
            comment.HasIndex(c => new { c.DraftId, c.ReceivedAt });
            comment.HasOne<ConsultationDraft>().WithMany().HasForeignKey(c => c.DraftId).OnDelete(DeleteBehavior.Cascade);
            comment.Property(c => c.SenderName).HasMaxLength(ConsultationLimits.Name);
            comment.Property(c => c.Contact).HasMaxLength(ConsultationLimits.Contact);
            comment.Property(c => c.Content).HasMaxLength(ConsultationLimits.Comment);
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
            feedback.Property(f => f.Answer).HasMaxLength(FeedbackLimits.Answer);
            feedback.Property(f => f.HandledBy).HasMaxLength(100);
            feedback.OwnsOne(f => f.Attachment, attachment =>
            {
                attachment.Property(a => a.OriginalName).HasColumnName("attachment_name").HasMaxLength(200);
                attachment.Property(a => a.StoredName).HasColumnName("attachment_stored_name").HasMaxLength(100);
                attachment.Property(a => a.ContentType).HasColumnName("attachment_content_type").HasMaxLength(100);
                attachment.Property(a => a.Length).HasColumnName("attachment_length");
            });
        });
        modelBuilder.Entity<NewsCategory>(category =>
        {
            category.ToTable("news_categories");
            category.HasKey(c => c.CategoryId);
            category.HasIndex(c => c.Slug).IsUnique();
            category.Property(c => c.Name).HasMaxLength(NewsLimits.CategoryName);
            category.Property(c => c.Slug).HasMaxLength(Slug.MaxLength + 10);
        });
        modelBuilder.Entity<NewsArticle>(article =>
        {
            article.ToTable("news_articles");
            article.HasKey(a => a.ArticleId);
            article.HasIndex(a => a.Slug).IsUnique();
            article.HasIndex(a => new { a.Status, a.PublishedAt });
            article.HasOne<NewsCategory>().WithMany().HasForeignKey(a => a.CategoryId).OnDelete(DeleteBehavior.Restrict);
            article.Property(a => a.Title).HasMaxLength(NewsLimits.Title);
            article.Property(a => a.Slug).HasMaxLength(Slug.MaxLength + 10);
            article.Property(a => a.Summary).HasMaxLength(NewsLimits.Summary);
            article.Property(a => a.Body).HasMaxLength(NewsLimits.Body);
            article.Property(a => a.ImageUrl).HasMaxLength(500);
            article.Property(a => a.ImageCaption).HasMaxLength(300);
            article.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
            article.Property(a => a.Author).HasMaxLength(100);
            article.Property(a => a.LastActor).HasMaxLength(100);
        });
    }
}

public sealed class SqlitePortalDbContext(DbContextOptions<SqlitePortalDbContext> options) : PortalDbContext(options)
{
    /// <summary>
    /// SQLite cannot compare DateTimeOffset text, so news could not be ordered by publication
    /// time; stored as a number (UTC ticks first), the order is the order in time.
    /// </summary>
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }
}

public sealed class PostgresPortalDbContext(DbContextOptions<PostgresPortalDbContext> options) : PortalDbContext(options);

public sealed class SqlitePortalDesignTimeFactory : SqliteDesignTimeFactory<SqlitePortalDbContext>;

public sealed class PostgresPortalDesignTimeFactory : PostgresDesignTimeFactory<PostgresPortalDbContext>;
