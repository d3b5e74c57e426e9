using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Platform.TestSupport;

/// <summary>Keeps every formatted log line of a host, to check what it writes (and what it never writes).</summary>
public sealed class LogSink : ILoggerProvider
{
    private readonly ConcurrentQueue<string> lines = new();

    public IReadOnlyCollection<string> Lines => lines;

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, lines);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {exception}");
            if (state is IEnumerable<KeyValuePair<string, object?>> values)
            {
                // Structured values too: a sink that stores them (Seq, OTLP) would keep them.
                lines.Enqueue(string.Join(" ", values.Select(pair => $"{pair.Key}={pair.Value}")));
            }
        }
    }
}
