using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace SmartPark.Platform.Hosting;

/// <summary>
/// Serves <c>GET /healthz</c>, <c>/healthz/live</c> and <c>/healthz/ready</c> (<see cref="HealthEndpoints"/>) from the base library's <see cref="HttpListener"/>, for a host that
/// runs without Kestrel: the edge agent, where Kestrel with its routing and middleware costs about
/// 8 MB resident of a 40 MB budget (docs/benchmarks.md, bench agent). The body and status codes
/// are those of the Kestrel endpoint (<see cref="HealthBody"/>); other paths get 404, other
/// methods 405. Probes are rare and tiny, so each is answered on its own task.
/// </summary>
public sealed class HealthListener : BackgroundService
{
    public const string Path = HealthEndpoints.Health;

    private readonly HttpListener _listener = new();
    private readonly HealthCheckService _health;
    private readonly ILogger<HealthListener> _logger;

    /// <param name="urls">ASP.NET Core's <c>Urls</c> form: <c>http://127.0.0.1:8070</c>, several
    /// separated by ';'. 0.0.0.0, [::] and * listen on every address.</param>
    /// <param name="health">The host's health checks.</param>
    /// <param name="logger">Where the listener says where it listens.</param>
    public HealthListener(string urls, HealthCheckService health, ILogger<HealthListener> logger)
    {
        _health = health;
        _logger = logger;
        foreach (var url in urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            _listener.Prefixes.Add(ToPrefix(url));
        if (_listener.Prefixes.Count == 0)
            throw new ArgumentException("no address to serve /healthz on", nameof(urls));
    }

    /// <summary>Where it listens, as HttpListener prefixes (<c>http://127.0.0.1:8070/</c>).</summary>
    public IReadOnlyList<string> Prefixes => [.. _listener.Prefixes];

    /// <summary>HttpListener wants a trailing slash and spells "every address" as +.</summary>
    public static string ToPrefix(string url)
    {
        var uri = new Uri(url.Replace("://*", "://0.0.0.0", StringComparison.Ordinal), UriKind.Absolute);
        if (uri.Scheme != Uri.UriSchemeHttp)
            throw new ArgumentException($"/healthz is served over plain http on the device; '{url}' is not http://host:port", nameof(url));
        var host = uri.Host is "0.0.0.0" or "[::]" or "::" ? "+" : uri.Host;
        return $"http://{host}:{uri.Port}/";
    }

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        // Fails the host at start, with the address, when the port is taken. (A listener that
        // failed to start is disposed, so the addresses are read before.)
        var endpoints = string.Join(", ", _listener.Prefixes.Select(p => p + Path.TrimStart('/')));
        try
        {
            _listener.Start();
        }
        catch (Exception ex) when (ex is HttpListenerException or System.Net.Sockets.SocketException)
        {
            throw new InvalidOperationException($"cannot serve {endpoints}: {ex.Message}", ex);
        }
        _logger.LogInformation("Health on {Endpoints}", endpoints);
        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await using var stop = stoppingToken.Register(_listener.Stop);
        while (!stoppingToken.IsCancellationRequested && _listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                if (!stoppingToken.IsCancellationRequested)
                    _logger.LogWarning("Health listener stopped accepting: {Error}", ex.Message);
                break;
            }
            _ = AnswerAsync(context, stoppingToken);
        }
    }

    private async Task AnswerAsync(HttpListenerContext context, CancellationToken cancellationToken)
    {
        var response = context.Response;
        try
        {
            var method = context.Request.HttpMethod;
            var checks = HealthEndpoints.ChecksOf(context.Request.Url?.AbsolutePath ?? "");
            if (checks is null)
            {
                response.StatusCode = 404;
            }
            else if (method is not ("GET" or "HEAD"))
            {
                response.StatusCode = 405;
                response.AddHeader("Allow", "GET, HEAD");
            }
            else
            {
                var report = await _health.CheckHealthAsync(checks, cancellationToken).ConfigureAwait(false);
                var body = JsonSerializer.SerializeToUtf8Bytes(HealthBody.From(report), PlatformJsonContext.Default.HealthBody);
                response.StatusCode = HealthBody.StatusCodeOf(report.Status);
                response.ContentType = HealthBody.ContentType;
                response.AddHeader("Cache-Control", "no-store, no-cache");
                response.ContentLength64 = body.Length;
                if (method == "GET")
                    await response.OutputStream.WriteAsync(body, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is HttpListenerException or IOException or OperationCanceledException or ObjectDisposedException)
        {
            _logger.LogDebug("Health probe not answered: {Error}", ex.Message);
        }
        finally
        {
            try
            {
                response.Close();
            }
            catch (Exception ex) when (ex is HttpListenerException or IOException or ObjectDisposedException)
            {
                // the prober went away
            }
        }
    }

    public override void Dispose()
    {
        _listener.Close();
        base.Dispose();
    }
}

public static class HealthListenerRegistration
{
    /// <summary>Serves <c>/healthz</c> on <paramref name="urls"/> without Kestrel (see <see cref="HealthListener"/>).</summary>
    public static IServiceCollection AddHealthListener(this IServiceCollection services, string urls) =>
        services.AddHostedService(sp => new HealthListener(urls, sp.GetRequiredService<HealthCheckService>(), sp.GetRequiredService<ILogger<HealthListener>>()));
}
