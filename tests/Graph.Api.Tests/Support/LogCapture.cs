using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Graph.Api.Tests.Support;

/// <summary>Every message the service logs, formatted, with the message of any exception logged with it, for tests that check what it told its operator.</summary>
public sealed class LogCapture : ILoggerProvider
{
    private readonly ConcurrentQueue<string> messages = new();

    public IReadOnlyCollection<string> Messages => messages;

    public ILogger CreateLogger(string categoryName) => new Logger(messages);

    /// <summary>Waits (at most 30 s) until a message holding <paramref name="fragment"/> is logged.</summary>
    public async Task WaitForAsync(string fragment)
    {
        for (var attempt = 0; attempt < 300; attempt++)
        {
            if (messages.Any(m => m.Contains(fragment, StringComparison.Ordinal))) return;
            await Task.Delay(100);
        }

        throw new TimeoutException($"The service did not log \"{fragment}\" within 30 s.");
    }

    public void Dispose()
    {
    }

    private sealed class Logger(ConcurrentQueue<string> messages) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel)) messages.Enqueue($"{logLevel}: {formatter(state, exception)}{(exception is null ? "" : $" ({exception.Message})")}");
        }
    }
}
