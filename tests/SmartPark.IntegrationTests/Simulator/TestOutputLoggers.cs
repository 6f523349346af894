using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace SmartPark.IntegrationTests.Simulator;

/// <summary>
/// Writes the simulator's own log (information and up, from the named categories; warnings from
/// everything) to the test's output, so a failed check shows its timeline.
/// </summary>
public sealed class TestOutputLoggers(ITestOutputHelper output, params string[] categories) : ILoggerProvider
{
    private readonly string[] _categories = categories.Length == 0 ? ["scenario"] : categories;

    public ILogger CreateLogger(string categoryName) => new Logger(output, categoryName, _categories.Contains(categoryName));

    public void Dispose()
    {
    }

    private sealed class Logger(ITestOutputHelper output, string category, bool timeline) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        // Only the scenario's own timeline: the agents' connection chatter would drown it.
        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information && (timeline || logLevel >= LogLevel.Warning);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
                return;
            try
            {
                output.WriteLine($"{DateTime.UtcNow:HH:mm:ss.fff} {logLevel} {category}: {formatter(state, exception)}");
            }
            catch (InvalidOperationException)
            {
                // The test has finished; a late line from a stopping agent has nowhere to go.
            }
        }
    }
}
