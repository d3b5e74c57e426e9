using Platform.TestSupport;

namespace Platform.Portal.Tests;

/// <summary>The Portal service in memory on the given database.</summary>
public sealed class PortalFactory(DatabaseKind database) : ServiceFactory<Program>(database, "portal");
