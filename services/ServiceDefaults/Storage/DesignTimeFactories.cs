using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Platform.ServiceDefaults.Storage;

/// <summary>
/// Lets `dotnet ef migrations add` build a service's SQLite context without starting the
/// service. A service declares one empty subclass per provider.
/// </summary>
public abstract class SqliteDesignTimeFactory<TContext> : IDesignTimeDbContextFactory<TContext> where TContext : DbContext
{
    public TContext CreateDbContext(string[] args) =>
        (TContext)Activator.CreateInstance(typeof(TContext),
            new DbContextOptionsBuilder<TContext>().UseSqlite("Data Source=design-time.db").Options)!;
}

/// <summary>The PostgreSQL counterpart of <see cref="SqliteDesignTimeFactory{TContext}"/>; it never connects.</summary>
public abstract class PostgresDesignTimeFactory<TContext> : IDesignTimeDbContextFactory<TContext> where TContext : DbContext
{
    public TContext CreateDbContext(string[] args) =>
        (TContext)Activator.CreateInstance(typeof(TContext),
            new DbContextOptionsBuilder<TContext>().UseNpgsql("Host=localhost;Database=design_time").Options)!;
}
