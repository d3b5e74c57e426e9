using Platform.TestSupport;

namespace Platform.Documents.Tests;

/// <summary>The Documents service in memory on the given database.</summary>
public sealed class DocumentsFactory(DatabaseKind database) : ServiceFactory<Program>(database, "documents");
