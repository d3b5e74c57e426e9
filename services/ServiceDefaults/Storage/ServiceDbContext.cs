using Microsoft.EntityFrameworkCore;
using Platform.ServiceDefaults.Events.Inbox;
using Platform.ServiceDefaults.Events.Outbox;
using Platform.ServiceDefaults.Idempotency;

namespace Platform.ServiceDefaults.Storage;

/// <summary>
/// Base of every service's database context: it carries the outbox and inbox tables so a
/// state change, the events it raises and the events it consumed commit in one transaction;
/// and the idempotency keys of write requests, which commit with the write they made.
/// </summary>
public abstract class ServiceDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<InboxMessage> InboxMessages => Set<InboxMessage>();

    /// <summary>
    /// Set when the outbox added rows that have not been committed yet; the commit then wakes the
    /// dispatcher (<see cref="OutboxCommitSignal"/>) and clears it, and other commits leave it asleep.
    /// </summary>
    internal bool OutboxWritten { get; set; }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<OutboxMessage>(outbox =>
        {
            outbox.ToTable("outbox_messages");
            outbox.HasKey(m => m.Sequence);
            outbox.Property(m => m.Sequence).ValueGeneratedOnAdd();
            outbox.HasIndex(m => m.EventId).IsUnique();
            outbox.HasIndex(m => m.SentAt);
            outbox.Property(m => m.Topic).HasMaxLength(200);
            outbox.Property(m => m.EventType).HasMaxLength(200);
            outbox.Property(m => m.LastError).HasMaxLength(2000);
        });
        modelBuilder.Entity<InboxMessage>(inbox =>
        {
            inbox.ToTable("inbox_messages");
            inbox.HasKey(m => new { m.EventId, m.Handler });
            inbox.Property(m => m.EventId).HasMaxLength(200);
            inbox.Property(m => m.Handler).HasMaxLength(200);
            inbox.Property(m => m.Topic).HasMaxLength(200);
        });
        modelBuilder.Entity<IdempotentRequest>(request =>
        {
            request.ToTable("idempotent_requests");
            request.HasKey(r => r.Key);
            request.Property(r => r.Key).HasMaxLength(400);
            request.Property(r => r.Method).HasMaxLength(10);
            request.Property(r => r.Path).HasMaxLength(400);
            request.Property(r => r.ContentType).HasMaxLength(200);
            request.Property(r => r.Location).HasMaxLength(400);
            request.HasIndex(r => r.ReceivedAtUtc);
        });
    }
}
