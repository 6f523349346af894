using System.Collections.Concurrent;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SmartPark.Ingest.Notifications;
using SmartPark.Ingest.Notifications.Bureau;

namespace SmartPark.IntegrationTests.Ingest;

/// <summary>
/// Alert sinks as Ingest registers them (the bureau webhook by default), in a host of its own
/// so a test can stop it and start another on the same outbox folder. Backoff is short so retries
/// happen in milliseconds; logs are kept for assertions.
/// </summary>
public sealed class NotifierHost : IAsyncDisposable
{
    private readonly IHost _host;

    private NotifierHost(IHost host, LogSink logs)
    {
        _host = host;
        Logs = logs;
    }

    public LogSink Logs { get; }
    public IServiceProvider Services => _host.Services;
    public IAlertNotifier Notifier => _host.Services.GetRequiredService<IAlertNotifier>();

    public const string TestSecret = "integration-tests-only-webhook-secret-0123456789";

    /// <summary>Plain http to the loopback receiver is allowed (<c>AllowHttp</c>); a test may override any setting.</summary>
    public static Task<NotifierHost> StartAsync(string outbox, Uri? url, string secret = TestSecret, TimeProvider? time = null, params (string Key, string Value)[] settings)
    {
        var configuration = new Dictionary<string, string?>
        {
            ["Bureau:Webhook:Secret"] = secret,
            ["Bureau:Webhook:AllowHttp"] = "true",
            ["Bureau:Webhook:OutboxDirectory"] = outbox,
            ["Bureau:Webhook:InitialBackoff"] = "00:00:00.020",
            ["Bureau:Webhook:MaxBackoff"] = "00:00:00.200",
            // Long enough that a slow CI machine never times out a request the receiver answered.
            ["Bureau:Webhook:RequestTimeout"] = "00:00:30",
        };
        if (url is not null)
            configuration["Bureau:Webhook:Url"] = url.ToString();
        foreach (var (key, value) in settings)
            configuration[key] = value;
        return StartAsync(configuration, (services, section) => services.AddBureauWebhook(section), time);
    }

    /// <summary>A host with the sinks <paramref name="register"/> adds (e.g. Ingest's whole list,
    /// <c>AddAlertSinks</c>), configured from <paramref name="configuration"/> alone.</summary>
    public static async Task<NotifierHost> StartAsync(IDictionary<string, string?> configuration, Action<IServiceCollection, IConfiguration> register, TimeProvider? time = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(configuration);
        var logs = new LogSink();
        builder.Logging.AddProvider(logs);
        builder.Logging.SetMinimumLevel(LogLevel.Information);
        if (time is not null)
            builder.Services.AddSingleton(time);
        register(builder.Services, builder.Configuration);
        var host = builder.Build();
        try
        {
            await host.StartAsync();
        }
        catch
        {
            host.Dispose();
            throw;
        }
        return new NotifierHost(host, logs);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}

/// <summary>Keeps every log line (level, category, message) for the test to look at.</summary>
public sealed class LogSink : ILoggerProvider
{
    private readonly ConcurrentQueue<(LogLevel Level, string Category, string Message)> _lines = new();

    public IReadOnlyList<(LogLevel Level, string Category, string Message)> Lines => [.. _lines];

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(LogSink sink, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            sink._lines.Enqueue((logLevel, category, formatter(state, exception)));
    }
}
