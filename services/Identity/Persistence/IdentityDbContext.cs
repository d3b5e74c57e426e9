using Microsoft.EntityFrameworkCore;

namespace Platform.Identity.Persistence;

/// <summary>OpenIddict's stores (applications, authorizations, scopes, tokens) in {DataFolder}/identity/identity.db.</summary>
public sealed class IdentityDbContext(DbContextOptions<IdentityDbContext> options) : DbContext(options);
