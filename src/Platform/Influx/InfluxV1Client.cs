using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;

namespace SmartPark.Platform.Influx;

/// <summary>
/// InfluxDB's v1 HTTP API: line protocol to <c>/write</c> (millisecond precision), InfluxQL to
/// <c>/query</c>. The official InfluxDB.Client speaks only v2, which 1.6 lacks (see
/// docs/reference/peers.md §3); line protocol itself is built with its <c>PointData</c>.
/// </summary>
public sealed class InfluxV1Client
{
    private readonly HttpClient _http;
    private readonly InfluxOptions _options;

    public InfluxV1Client(HttpClient http, InfluxOptions options)
    {
        _http = http;
        _options = options;
        _http.BaseAddress = options.Url;
        _http.Timeout = options.Timeout;
        if (options.Token is not null)
            _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Token", options.Token);
        else if (options.Username is not null)
            _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
                Convert.ToBase64String(Encoding.UTF8.GetBytes($"{options.Username}:{options.Password}")));
    }

    public string Database => _options.Database;

    public async Task PingAsync(CancellationToken cancellationToken)
    {
        using var response = await _http.GetAsync("ping", cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(response, "ping", cancellationToken).ConfigureAwait(false);
    }

    public async Task EnsureDatabaseAsync(CancellationToken cancellationToken)
    {
        var q = "CREATE DATABASE " + InfluxQl.Identifier(_options.Database);
        using var content = new FormUrlEncodedContent([new("q", q)]);
        using var response = await _http.PostAsync("query", content, cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(response, "create database", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Writes line protocol with millisecond timestamps. A point with the same series and
    /// timestamp overwrites the stored one, which is what makes replays idempotent.</summary>
    public async Task WriteAsync(string lineProtocol, CancellationToken cancellationToken)
    {
        using var content = new StringContent(lineProtocol, Encoding.UTF8, "text/plain");
        await WriteAsync(content, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Writes points given one line each, streamed without joining them first.</summary>
    public async Task WriteAsync(IReadOnlyList<string> lines, CancellationToken cancellationToken)
    {
        using var content = new LineProtocolContent(lines);
        await WriteAsync(content, cancellationToken).ConfigureAwait(false);
    }

    private async Task WriteAsync(HttpContent content, CancellationToken cancellationToken)
    {
        var url = $"write?db={Uri.EscapeDataString(_options.Database)}&precision=ms";
        using var response = await _http.PostAsync(url, content, cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(response, "write", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs InfluxQL (read-only statements) with times as epoch milliseconds.</summary>
    public async Task<InfluxQueryResponse> QueryAsync(string influxQl, CancellationToken cancellationToken)
    {
        var url = $"query?db={Uri.EscapeDataString(_options.Database)}&epoch=ms&q={Uri.EscapeDataString(influxQl)}";
        using var response = await _http.GetAsync(url, cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(response, "query", cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadFromJsonAsync(PlatformJsonContext.Default.InfluxQueryResponse, cancellationToken).ConfigureAwait(false)
            ?? throw new InfluxException("query returned no body", response.StatusCode, null);
        var error = body.Error ?? body.Results.Select(r => r.Error).FirstOrDefault(e => e is not null);
        if (error is not null)
            throw new InfluxException($"query failed: {error}", HttpStatusCode.BadRequest, error);
        return body;
    }

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, string what, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
            return;
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        throw new InfluxException($"InfluxDB {what} failed: HTTP {(int)response.StatusCode} {body.Trim()}", response.StatusCode, body);
    }
}
