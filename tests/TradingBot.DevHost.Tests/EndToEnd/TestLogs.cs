using System.Collections.Concurrent;

namespace TradingBot.DevHost.Tests.EndToEnd;

/// <summary>Collects a run's log lines (DevHost, handler, Azurite) so a failing end-to-end test can show what happened.</summary>
public sealed class TestLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _lines = new();

    public ILogger CreateLogger(string categoryName) => new Writer(categoryName, _lines);

    public string Tail(int count = 60) => string.Join(Environment.NewLine, _lines.TakeLast(count));

    public void Dispose()
    {
    }

    private sealed class Writer(string category, ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)}");
            while (lines.Count > 2000)
            {
                lines.TryDequeue(out _);
            }
        }
    }
}
