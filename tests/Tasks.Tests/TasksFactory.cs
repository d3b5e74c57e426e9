using Platform.TestSupport;

namespace Platform.Tasks.Tests;

/// <summary>The Tasks service in memory on the given database.</summary>
public sealed class TasksFactory(DatabaseKind database) : ServiceFactory<Program>(database, "tasks");
