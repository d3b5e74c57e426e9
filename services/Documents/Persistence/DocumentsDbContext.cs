using Microsoft.EntityFrameworkCore;
using Platform.Documents.Domain;
using Platform.ServiceDefaults.Storage;

namespace Platform.Documents.Persistence;

/// <summary>The Documents service's own database.</summary>
public abstract class DocumentsDbContext(DbContextOptions options) : ServiceDbContext(options)
{
    public DbSet<IncomingDocument> IncomingDocuments => Set<IncomingDocument>();

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
            document.Property(d => d.Status).HasConversion<string>().HasMaxLength(20);
            document.Property(d => d.Direction).HasMaxLength(2000);
            document.Property(d => d.LeadUnit).HasMaxLength(50);
            document.Property(d => d.SupportingUnits).HasMaxLength(500);
            document.Property(d => d.AssignedBy).HasMaxLength(100);
        });
    }
}

public sealed class SqliteDocumentsDbContext(DbContextOptions<SqliteDocumentsDbContext> options) : DocumentsDbContext(options);

public sealed class PostgresDocumentsDbContext(DbContextOptions<PostgresDocumentsDbContext> options) : DocumentsDbContext(options);

public sealed class SqliteDocumentsDesignTimeFactory : SqliteDesignTimeFactory<SqliteDocumentsDbContext>;

public sealed class PostgresDocumentsDesignTimeFactory : PostgresDesignTimeFactory<PostgresDocumentsDbContext>;
