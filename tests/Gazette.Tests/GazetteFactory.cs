using Platform.TestSupport;

namespace Platform.Gazette.Tests;

/// <summary>The Gazette service in memory on the given database.</summary>
public sealed class GazetteFactory(DatabaseKind database) : ServiceFactory<Program>(database, "gazette");
