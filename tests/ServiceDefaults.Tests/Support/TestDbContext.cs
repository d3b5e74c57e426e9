using Microsoft.EntityFrameworkCore;
using Platform.ServiceDefaults.Events;
using Platform.ServiceDefaults.Storage;

namespace Platform.ServiceDefaults.Tests.Support;

/// <summary>A service database with one state table and one table of handler side effects.</summary>
public sealed class TestDbContext(DbContextOptions<TestDbContext> options) : ServiceDbContext(options)
{
    public DbSet<Note> Notes => Set<Note>();
    public DbSet<HandledEvent> HandledEvents => Set<HandledEvent>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<Note>().ToTable("notes");
        modelBuilder.Entity<HandledEvent>(handled =>
        {
            handled.ToTable("handled_events");
            handled.HasIndex(h => h.EventId);
        });
    }
}

/// <summary>The state change a command makes alongside its outgoing event.</summary>
public sealed class Note
{
    public Guid Id { get; set; }
    public required string Text { get; set; }
}

/// <summary>What a handler did, committed in the inbox transaction.</summary>
public sealed class HandledEvent
{
    public long Id { get; set; }
    public required string EventId { get; set; }
    public required string Topic { get; set; }
    public required string Source { get; set; }
    public Guid PingId { get; set; }
    public required string Text { get; set; }

    /// <summary>The row a test handler writes for <paramref name="ping"/>.</summary>
    public static HandledEvent Of(Ping ping, EventContext context) => new()
    {
        EventId = context.EventId,
        Topic = context.Topic,
        Source = context.Source,
        PingId = ping.Id,
        Text = ping.Text,
    };
}
