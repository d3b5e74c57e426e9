namespace Platform.ServiceDefaults.Tests.Support;

/// <summary>
/// The Redis and PostgreSQL servers started by tests/servers.sh. A missing variable fails the
/// test: a suite that silently skipped its broker and database would prove nothing.
/// </summary>
public static class TestServers
{
    public static string Redis => Required("PLATFORM_TEST_REDIS");

    public static string Postgres => Required("PLATFORM_TEST_POSTGRES");

    private static string Required(string name)
    {
        var value = Environment.GetEnvironmentVariable(name);
        if (string.IsNullOrWhiteSpace(value))
        {
            Assert.Fail($"{name} is not set. Run `tests/servers.sh start` and export what `tests/servers.sh env` prints (make test does both).");
        }
        return value!;
    }
}
