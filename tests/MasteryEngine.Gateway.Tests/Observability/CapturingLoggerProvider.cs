using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;

namespace MasteryEngine.Gateway.Tests.Observability;

/// <summary>
/// Renders every log entry with the console formatter the app selected (so a test reads exactly the lines the
/// console would print) and keeps them, instead of racing the console logger's background writer.
/// </summary>
public sealed class CapturingLoggerProvider : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<string> lines = new();
    private IExternalScopeProvider scopes = new LoggerExternalScopeProvider();

    public ConsoleFormatter? Formatter { get; set; }

    public IReadOnlyList<string> Lines => [.. lines];

    public ILogger CreateLogger(string categoryName) => new CapturingLogger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class CapturingLogger(CapturingLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => provider.scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (provider.Formatter is not { } consoleFormatter)
            {
                return;
            }

            using var writer = new StringWriter();
            consoleFormatter.Write(new LogEntry<TState>(logLevel, category, eventId, state, exception, formatter), provider.scopes, writer);
            provider.lines.Enqueue(writer.ToString());
        }
    }
}
