using Microsoft.EntityFrameworkCore;
using Platform.ServiceDefaults.Storage;
using Platform.Tasks.Domain;

namespace Platform.Tasks.Persistence;

/// <summary>The Tasks service's own database.</summary>
public abstract class TasksDbContext(DbContextOptions options) : ServiceDbContext(options)
{
    public DbSet<TrackedTask> Tasks => Set<TrackedTask>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<TrackedTask>(task =>
        {
            task.ToTable("tasks");
            task.HasKey(t => t.Id);
            task.HasIndex(t => t.LeadUnit);
            task.HasIndex(t => t.SourceDocumentId);
            task.Property(t => t.SourceDocumentNumber).HasMaxLength(42);
            task.Property(t => t.Content).HasMaxLength(4000);
            task.Property(t => t.LeadUnit).HasMaxLength(50);
            task.Property(t => t.SupportingUnits).HasMaxLength(500);
            task.Property(t => t.AssignedBy).HasMaxLength(100);
            task.Property(t => t.State).HasConversion<string>().HasMaxLength(30);
        });
    }
}

public sealed class SqliteTasksDbContext(DbContextOptions<SqliteTasksDbContext> options) : TasksDbContext(options);

public sealed class PostgresTasksDbContext(DbContextOptions<PostgresTasksDbContext> options) : TasksDbContext(options);

public sealed class SqliteTasksDesignTimeFactory : SqliteDesignTimeFactory<SqliteTasksDbContext>;

public sealed class PostgresTasksDesignTimeFactory : PostgresDesignTimeFactory<PostgresTasksDbContext>;
