using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using SmartPark.Ingest.Storage;
using SmartPark.IntegrationTests.Servers;
using SmartPark.Platform.Influx;

namespace SmartPark.IntegrationTests.Ingest;

/// <summary>
/// A spool left by an outage holds a record InfluxDB refuses for good (a field type conflict with
/// the stored series) between two good ones. The replay stores the good ones, keeps the bad one in
/// the spool's dead-letter folder, and empties the spool: nothing is dropped and nothing blocks.
/// </summary>
public sealed class SpoolDeadLetterTests : IAsyncLifetime
{
    private const string Database = "spooldead";
    private InfluxDbServer _influx = null!;
    private readonly string _data = Directory.CreateTempSubdirectory("smartpark-spooldead-").FullName;

    public async Task InitializeAsync() => _influx = await InfluxDbServer.StartAsync();

    public async Task DisposeAsync()
    {
        await _influx.DisposeAsync();
        Directory.Delete(_data, recursive: true);
    }

    private static string Line(string device, string value, long ms) =>
        string.Create(CultureInfo.InvariantCulture, $"nmhc,park=p-spool,enterprise=e-spool,device={device},sensor=s1 value={value} {ms}");

    [Fact]
    public async Task A_record_InfluxDB_refuses_is_dead_lettered_and_the_replay_goes_past_it()
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        // The series exists with a float field, so an integer value is a field type conflict.
        var client = _influx.Client(Database);
        await client.EnsureDatabaseAsync(CancellationToken.None);
        await client.WriteAsync(Line("d-seed", "1.5", now - 10_000), CancellationToken.None);

        var spoolDirectory = Path.Combine(_data, "spool");
        string[] good1 = [Line("d-good1", "2.5", now - 3_000), Line("d-good1", "2.6", now - 2_000)];
        string[] bad = [Line("d-bad", "7i", now - 3_000)];
        string[] good2 = [Line("d-good2", "3.5", now - 1_000)];
        using (var spool = new DiskSpool(spoolDirectory, 1 << 20))
        {
            Assert.True(spool.TryAppend(good1));
            Assert.True(spool.TryAppend(bad));
            Assert.True(spool.TryAppend(good2));
        }

        await using var ingest = await IngestHost.StartAsync(_influx.Url, Database, $"--Ingest:SpoolDirectory={spoolDirectory}");
        var writer = ingest.Services.GetRequiredService<InfluxBatchWriter>();
        await Poll.UntilAsync(() => Task.FromResult(writer.SpoolBytes), b => b == 0, TimeSpan.FromSeconds(60), "the spool to be replayed");

        Assert.Equal(2, await _influx.CountAsync(Database, "nmhc", $"device = {InfluxQl.String("d-good1")}"));
        Assert.Equal(1, await _influx.CountAsync(Database, "nmhc", $"device = {InfluxQl.String("d-good2")}"));
        Assert.Equal(0, await _influx.CountAsync(Database, "nmhc", $"device = {InfluxQl.String("d-bad")}"));

        var letter = Assert.Single(writer.SpoolDeadLetters.Files());
        var text = await File.ReadAllLinesAsync(letter);
        Assert.Contains(text, l => l.StartsWith('#') && l.Contains("field type conflict", StringComparison.Ordinal));
        Assert.Equal(bad, text.Where(l => !l.StartsWith('#')));
        Assert.Empty(Directory.EnumerateFiles(spoolDirectory, "*.spool"));
    }
}
