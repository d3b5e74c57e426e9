using Microsoft.EntityFrameworkCore;
using Platform.ServiceDefaults.Storage;

namespace Platform.Tasks.Persistence;

/// <summary>The Tasks service's own database: the read model of the grains and the reminder outbox.</summary>
public abstract class TasksDbContext(DbContextOptions options) : ServiceDbContext(options)
{
    public DbSet<TrackedTask> Tasks => Set<TrackedTask>();
    public DbSet<NotificationMessage> Notifications => Set<NotificationMessage>();
    public DbSet<PendingTaskCreation> PendingTaskCreations => Set<PendingTaskCreation>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<TrackedTask>(task =>
        {
            task.ToTable("tasks");
            task.HasKey(t => t.Id);
            task.HasIndex(t => t.LeadUnit);
            task.HasIndex(t => t.SourceDocumentId);
            task.HasIndex(t => new { t.State, t.Deadline });
            task.HasIndex(t => t.AssignedBy);
            task.Property(t => t.SourceDocumentNumber).HasMaxLength(42);
            task.Property(t => t.Content).HasMaxLength(4000);
            task.Property(t => t.LeadUnit).HasMaxLength(50);
            task.Property(t => t.SupportingUnits).HasMaxLength(500);
            task.Property(t => t.AssignedBy).HasMaxLength(100);
            task.Property(t => t.State).HasConversion<string>().HasMaxLength(30);
        });
        modelBuilder.Entity<PendingTaskCreation>(pending =>
        {
            pending.ToTable("pending_task_creations");
            pending.HasKey(p => p.TaskId);
            pending.Property(p => p.NewTaskJson).HasMaxLength(8000);
        });
        modelBuilder.Entity<NotificationMessage>(message =>
        {
            message.ToTable("task_notifications");
            message.HasKey(m => m.Id);
            // One reminder of a kind per task and deadline, however often the tick repeats.
            message.HasIndex(m => new { m.TaskId, m.Kind, m.Deadline }).IsUnique();
            message.HasIndex(m => m.SentAtUtc);
            message.Property(m => m.Kind).HasMaxLength(20);
            message.Property(m => m.Recipient).HasMaxLength(100);
            message.Property(m => m.Text).HasMaxLength(1000);
            message.Property(m => m.LastError).HasMaxLength(1000);
        });
    }
}

public sealed class SqliteTasksDbContext(DbContextOptions<SqliteTasksDbContext> options) : TasksDbContext(options);

public sealed class PostgresTasksDbContext(DbContextOptions<PostgresTasksDbContext> options) : TasksDbContext(options);

public sealed class SqliteTasksDesignTimeFactory : SqliteDesignTimeFactory<SqliteTasksDbContext>;

public sealed class PostgresTasksDesignTimeFactory : PostgresDesignTimeFactory<PostgresTasksDbContext>;
