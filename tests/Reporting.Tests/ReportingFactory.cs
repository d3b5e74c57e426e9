using Platform.TestSupport;

namespace Platform.Reporting.Tests;

/// <summary>The Reporting service in memory on the given database.</summary>
public sealed class ReportingFactory(DatabaseKind database) : ServiceFactory<Program>(database, "reporting");
