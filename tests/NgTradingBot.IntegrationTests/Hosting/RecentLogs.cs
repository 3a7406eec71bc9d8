using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace NgTradingBot.IntegrationTests.Hosting;

/// <summary>
/// Keeps the last lines every resource logged (the testing builder forwards them to the test host's logging),
/// so a composition that fails to start, or a resource that fails a wait, says why.
/// </summary>
public sealed class RecentLogs : ILoggerProvider
{
    private const int LinesPerCategory = 80;
    private readonly ConcurrentDictionary<string, ConcurrentQueue<string>> _lines = new();

    public ILogger CreateLogger(string categoryName) => new Recorder(_lines.GetOrAdd(categoryName, _ => new()));

    /// <summary>The orchestrator's lines and those of the named resources (all resources when none is named).</summary>
    public string Dump(params string[] resources) => string.Join('\n', _lines
        .Where(category => category.Key.StartsWith("Aspire", StringComparison.Ordinal) || (resources.Length == 0
            ? category.Key.Contains(".Resources.", StringComparison.Ordinal)
            : resources.Any(resource => category.Key.EndsWith(".Resources." + resource, StringComparison.Ordinal))))
        .SelectMany(category => category.Value.Select(line => $"[{category.Key}] {line}")));

    public void Dispose()
    {
    }

    private sealed class Recorder(ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lines.Enqueue($"{logLevel}: {formatter(state, exception)}{(exception is null ? "" : " " + exception.Message)}");
            while (lines.Count > LinesPerCategory && lines.TryDequeue(out _))
            {
            }
        }
    }
}
