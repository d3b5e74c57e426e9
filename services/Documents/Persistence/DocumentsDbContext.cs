using Microsoft.EntityFrameworkCore;
using Platform.Documents.Domain;
using Platform.ServiceDefaults.Storage;

namespace Platform.Documents.Persistence;

/// <summary>The Documents service's own database.</summary>
public abstract class DocumentsDbContext(DbContextOptions options) : ServiceDbContext(options)
{
    public DbSet<IncomingDocument> IncomingDocuments => Set<IncomingDocument>();
    public DbSet<OutgoingDocument> OutgoingDocuments => Set<OutgoingDocument>();
    public DbSet<Attachment> Attachments => Set<Attachment>();
    public DbSet<DocumentSignature> Signatures => Set<DocumentSignature>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<Exchange.RecipientDelivery> ExchangeDeliveries => Set<Exchange.RecipientDelivery>();
    public DbSet<Exchange.ExchangeMessage> ExchangeMessages => Set<Exchange.ExchangeMessage>();
    public DbSet<Exchange.ReceivedPackage> ReceivedPackages => Set<Exchange.ReceivedPackage>();

    /// <summary>The audit trail is append-only, whatever code path tries otherwise.</summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        RefuseAuditChanges();
        try
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Status is a concurrency token: two people acting on one document at once, the second loses.
            throw new Platform.ServiceDefaults.Errors.DomainRuleException(
                "Văn bản vừa được người khác xử lý; vui lòng tải lại và thử lại.", 409, "concurrent-change");
        }
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        RefuseAuditChanges();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    private void RefuseAuditChanges()
    {
        if (ChangeTracker.Entries<AuditEntry>().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
        {
            throw new InvalidOperationException("The audit trail cannot be changed or deleted.");
        }
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.AddNumberSeries();
        modelBuilder.Entity<IncomingDocument>(document =>
        {
            document.ToTable("incoming_documents");
            document.HasKey(d => d.Id);
            document.HasIndex(d => new { d.Year, d.ArrivalNumber }).IsUnique();
            document.HasIndex(d => new { d.IssuingBody, d.NumberAndCode, d.DocumentDate });
            document.Property(d => d.IssuingBody).HasMaxLength(250);
            document.Property(d => d.NumberAndCode).HasMaxLength(42);
            document.Property(d => d.DocumentType).HasMaxLength(100);
            document.Property(d => d.Subject).HasMaxLength(500);
            document.Property(d => d.Signer).HasMaxLength(200);
            document.Property(d => d.RegisteredBy).HasMaxLength(100);
            document.Property(d => d.RegisteredByUnit).HasMaxLength(50);
            document.Property(d => d.Urgency).HasConversion<string>().HasMaxLength(20);
            // Secrecy stays a number: reads compare it with the reader's clearance.
            document.Property(d => d.Status).HasConversion<string>().HasMaxLength(20).IsConcurrencyToken();
            document.Property(d => d.Direction).HasMaxLength(2000);
            document.Property(d => d.LeadUnit).HasMaxLength(50);
            document.Property(d => d.SupportingUnits).HasMaxLength(500);
            document.Property(d => d.AssignedBy).HasMaxLength(100);
            document.Property(d => d.HandedOnTo).HasMaxLength(200);
            document.Property(d => d.HandedOnBy).HasMaxLength(100);
            document.Property(d => d.Progress).HasMaxLength(2000);
            document.Property(d => d.ReplyNumberAndCode).HasMaxLength(42);
            document.Property(d => d.ReturnReason).HasMaxLength(2000);
            document.HasIndex(d => d.ArrivedAtUtc);
        });
        modelBuilder.Entity<OutgoingDocument>(document =>
        {
            document.ToTable("outgoing_documents");
            document.HasKey(d => d.Id);
            document.Ignore(d => d.Type);
            // A number is used once per series and year; drafts have none yet.
            document.HasIndex(d => new { d.Series, d.Year, d.Number }).IsUnique();
            document.HasIndex(d => new { d.Year, d.NumberAndCode });
            document.Property(d => d.Series).HasMaxLength(100);
            document.HasIndex(d => d.IssuedAtUtc);
            document.HasIndex(d => d.ReplacesId);
            document.Property(d => d.DocumentType).HasMaxLength(100);
            document.Property(d => d.Subject).HasMaxLength(500);
            document.Property(d => d.Urgency).HasConversion<string>().HasMaxLength(20);
            document.Property(d => d.Status).HasConversion<string>().HasMaxLength(20).IsConcurrencyToken();
            document.Property(d => d.DraftingUnit).HasMaxLength(50);
            document.Property(d => d.DraftedBy).HasMaxLength(100);
            document.Property(d => d.ReturnReason).HasMaxLength(2000);
            document.Property(d => d.ReviewedBy).HasMaxLength(100);
            document.Property(d => d.ApprovedBy).HasMaxLength(100);
            document.Property(d => d.SignedBy).HasMaxLength(100);
            document.Property(d => d.SignerName).HasMaxLength(200);
            document.Property(d => d.SignerPosition).HasMaxLength(200);
            document.Property(d => d.NumberAndCode).HasMaxLength(42);
            document.Property(d => d.IssuedBy).HasMaxLength(100);
            document.Property(d => d.FiledBy).HasMaxLength(100);
            document.Property(d => d.RecalledBy).HasMaxLength(100);
            document.Property(d => d.RecallReason).HasMaxLength(2000);
        });
        modelBuilder.Entity<Attachment>(attachment =>
        {
            attachment.ToTable("attachments");
            attachment.HasKey(a => a.Id);
            attachment.HasIndex(a => a.DocumentId);
            attachment.Property(a => a.FileName).HasMaxLength(255);
            attachment.Property(a => a.ContentType).HasMaxLength(100);
            attachment.Property(a => a.Sha256).HasMaxLength(64);
            attachment.Property(a => a.UploadedBy).HasMaxLength(100);
        });
        modelBuilder.Entity<DocumentSignature>(signature =>
        {
            signature.ToTable("document_signatures");
            signature.HasKey(s => s.Id);
            signature.HasIndex(s => s.DocumentId);
            signature.Property(s => s.Kind).HasConversion<string>().HasMaxLength(20);
            signature.Property(s => s.SignerSubject).HasMaxLength(500);
            signature.Property(s => s.CertificateThumbprint).HasMaxLength(128);
            signature.Property(s => s.FileSha256).HasMaxLength(64);
        });
        modelBuilder.Entity<Exchange.RecipientDelivery>(delivery =>
        {
            delivery.ToTable("exchange_deliveries");
            delivery.HasKey(d => d.Id);
            delivery.HasIndex(d => new { d.OutgoingDocumentId, d.RecipientCode }).IsUnique();
            delivery.HasIndex(d => new { d.ExchangeDocumentId, d.RecipientCode });
            delivery.Property(d => d.ExchangeDocumentId).HasMaxLength(100);
            delivery.Property(d => d.RecipientCode).HasMaxLength(20);
            delivery.Property(d => d.Status).HasConversion<string>().HasMaxLength(20).IsConcurrencyToken();
            delivery.Property(d => d.Recall).HasConversion<string>().HasMaxLength(20);
            delivery.Property(d => d.LastError).HasMaxLength(2000);
            delivery.Property(d => d.Reason).HasMaxLength(2000);
        });
        modelBuilder.Entity<Exchange.ExchangeMessage>(message =>
        {
            message.ToTable("exchange_messages");
            message.HasKey(m => m.Id);
            message.HasIndex(m => new { m.CompletedAtUtc, m.NextAttemptUtc });
            message.HasIndex(m => m.DeliveryId);
            message.Property(m => m.RecipientCode).HasMaxLength(20);
            message.Property(m => m.Kind).HasConversion<string>().HasMaxLength(20);
            message.Property(m => m.BusinessKind).HasConversion<string>().HasMaxLength(20);
            message.Property(m => m.Reason).HasMaxLength(2000);
            message.Property(m => m.LastError).HasMaxLength(2000);
            message.Property(m => m.NextAttemptUtc).IsConcurrencyToken();
        });
        modelBuilder.Entity<Exchange.ReceivedPackage>(package =>
        {
            package.ToTable("received_packages");
            package.HasKey(p => p.Id);
            // A redelivered package (the same bytes) finds the row it made the first time; a second update or
            // recall request of one document is a package of its own.
            package.HasIndex(p => p.PackageSha256).IsUnique();
            package.HasIndex(p => new { p.DocumentId, p.Kind });
            package.HasIndex(p => p.IncomingDocumentId);
            package.HasIndex(p => new { p.State, p.ReceivedAtUtc });
            package.Property(p => p.DocumentId).HasMaxLength(100);
            package.Property(p => p.Kind).HasConversion<string>().HasMaxLength(20);
            package.Property(p => p.SenderCode).HasMaxLength(20);
            package.Property(p => p.SenderName).HasMaxLength(250);
            package.Property(p => p.NumberAndCode).HasMaxLength(42);
            package.Property(p => p.DocumentType).HasMaxLength(100);
            package.Property(p => p.Subject).HasMaxLength(500);
            package.Property(p => p.SignerName).HasMaxLength(200);
            package.Property(p => p.SenderReason).HasMaxLength(2000);
            package.Property(p => p.ReplacesDocumentId).HasMaxLength(100);
            package.Ignore(p => p.TargetDocumentId);
            package.Property(p => p.PackageSha256).HasMaxLength(64);
            package.Property(p => p.State).HasConversion<string>().HasMaxLength(20).IsConcurrencyToken();
            package.Property(p => p.StateBeforeRecall).HasConversion<string>().HasMaxLength(20);
            package.Property(p => p.Reason).HasMaxLength(2000);
        });
        modelBuilder.Entity<AuditEntry>(entry =>
        {
            entry.ToTable("audit_entries");
            entry.HasKey(e => e.Id);
            entry.HasIndex(e => new { e.DocumentId, e.AtUtc });
            entry.Property(e => e.Action).HasMaxLength(50);
            entry.Property(e => e.FromStatus).HasMaxLength(30);
            entry.Property(e => e.ToStatus).HasMaxLength(30);
            entry.Property(e => e.Actor).HasMaxLength(100);
            entry.Property(e => e.ActorUnit).HasMaxLength(50);
            entry.Property(e => e.IpAddress).HasMaxLength(64);
            entry.Property(e => e.Detail).HasMaxLength(1000);
        });
    }
}

public sealed class SqliteDocumentsDbContext(DbContextOptions<SqliteDocumentsDbContext> options) : DocumentsDbContext(options);

public sealed class PostgresDocumentsDbContext(DbContextOptions<PostgresDocumentsDbContext> options) : DocumentsDbContext(options);

public sealed class SqliteDocumentsDesignTimeFactory : SqliteDesignTimeFactory<SqliteDocumentsDbContext>;

public sealed class PostgresDocumentsDesignTimeFactory : PostgresDesignTimeFactory<PostgresDocumentsDbContext>;
