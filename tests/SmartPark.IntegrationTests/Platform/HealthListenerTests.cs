using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging.Abstractions;
using SmartPark.Platform.Hosting;

namespace SmartPark.IntegrationTests.Platform;

/// <summary>The Kestrel-free <c>/healthz</c> of the edge agent, over real HTTP on loopback.</summary>
public sealed class HealthListenerTests : IAsyncLifetime
{
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };
    private readonly int _port = FreePort.Next();
    private HealthStatus _broker = HealthStatus.Healthy;
    private ServiceProvider _services = null!;
    private HealthListener _listener = null!;

    private Uri At(string path) => new($"http://127.0.0.1:{_port}{path}");

    public async Task InitializeAsync()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddHealthChecks().AddCheck("broker", () => new HealthCheckResult(_broker, "as the test says"));
        _services = services.BuildServiceProvider();
        _listener = new HealthListener($"http://127.0.0.1:{_port}", _services.GetRequiredService<HealthCheckService>(), NullLogger<HealthListener>.Instance);
        await _listener.StartAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await _listener.StopAsync(CancellationToken.None);
        _listener.Dispose();
        await _services.DisposeAsync();
        _http.Dispose();
    }

    [Theory]
    [InlineData(HealthStatus.Healthy, HttpStatusCode.OK)]
    [InlineData(HealthStatus.Degraded, HttpStatusCode.OK)]
    [InlineData(HealthStatus.Unhealthy, HttpStatusCode.ServiceUnavailable)]
    public async Task Healthz_answers_the_checks_as_Kestrel_does(HealthStatus status, HttpStatusCode expected)
    {
        _broker = status;

        using var response = await _http.GetAsync(At("/healthz"));
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(status.ToString(), body.RootElement.GetProperty("status").GetString());
        var broker = body.RootElement.GetProperty("checks").GetProperty("broker");
        Assert.Equal(status.ToString(), broker.GetProperty("status").GetString());
        Assert.Equal("as the test says", broker.GetProperty("description").GetString());
    }

    [Fact]
    public async Task Live_runs_no_check_and_ready_runs_them_all()
    {
        _broker = HealthStatus.Unhealthy;

        using var live = await _http.GetAsync(At("/healthz/live"));
        using var ready = await _http.GetAsync(At("/healthz/ready"));
        using var liveBody = JsonDocument.Parse(await live.Content.ReadAsStringAsync());
        using var readyBody = JsonDocument.Parse(await ready.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal("Healthy", liveBody.RootElement.GetProperty("status").GetString());
        Assert.Empty(liveBody.RootElement.GetProperty("checks").EnumerateObject());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal("Unhealthy", readyBody.RootElement.GetProperty("checks").GetProperty("broker").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Other_paths_are_404_and_other_methods_405()
    {
        using var missing = await _http.GetAsync(At("/metrics"));
        using var post = await _http.PostAsync(At("/healthz"), new StringContent("x"));
        using var head = await _http.SendAsync(new HttpRequestMessage(HttpMethod.Head, At("/healthz")));

        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, post.StatusCode);
        Assert.Contains("GET", post.Content.Headers.Allow);
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
    }

    [Fact]
    public async Task A_taken_port_fails_the_start_with_the_address()
    {
        using var second = new HealthListener($"http://127.0.0.1:{_port}", _services.GetRequiredService<HealthCheckService>(), NullLogger<HealthListener>.Instance);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => second.StartAsync(CancellationToken.None));

        Assert.Contains($"127.0.0.1:{_port}", error.Message);
    }

    [Theory]
    [InlineData("http://127.0.0.1:8070", "http://127.0.0.1:8070/")]
    [InlineData("http://localhost:8070/", "http://localhost:8070/")]
    [InlineData("http://0.0.0.0:8070", "http://+:8070/")]
    [InlineData("http://[::]:8070", "http://+:8070/")]
    [InlineData("http://*:8070", "http://+:8070/")]
    public void Urls_become_listener_prefixes(string url, string prefix) =>
        Assert.Equal(prefix, HealthListener.ToPrefix(url));

    [Fact]
    public void Https_is_refused_with_a_reason() =>
        Assert.Contains("plain http", Assert.Throws<ArgumentException>(() => HealthListener.ToPrefix("https://127.0.0.1:8070")).Message);
}
