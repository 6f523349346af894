using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SmartPark.Dashboard.Supervision.Reports;
using SmartPark.IntegrationTests.Servers;

namespace SmartPark.IntegrationTests.Supervision.Reports;

/// <summary>
/// The hosted writer on a fake clock over a real park database and InfluxDB: it writes each
/// district's workbook when a quarter ends in China, catches up quarters it missed, and never
/// writes a stored report again.
/// </summary>
[Collection(SharedInfluxCollection.Name)]
public sealed class QuarterlyReportWriterTests(SharedInflux influx) : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private readonly string _reports = Directory.CreateTempSubdirectory("smartpark-reports-").FullName;
    private TestParkDatabase _database = null!;
    private QuarterlyReportBuilder _builder = null!;
    private ReportStore _store = null!;
    private FakeTimeProvider _clock = null!;

    public async Task InitializeAsync()
    {
        _database = await TestParkDatabase.CreateAsync(ParkData.ParkDatabaseProvider.Sqlite);
        await using (var db = await _database.Factory.CreateDbContextAsync())
            await ReportSeed.SeedParksAsync(db);
        var client = influx.Server.Client(influx.NewDatabase("report_writer"));
        await ReportSeed.SeedAlertsAsync(client);
        _store = new ReportStore(Options.Create(new QuarterlyReportOptions { ReportsDirectory = _reports }));
        _clock = new FakeTimeProvider();
        _builder = ReportSeed.Builder(_database.Factory, client, _clock);
    }

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        Directory.Delete(_reports, recursive: true);
    }

    private QuarterlyReportWriter Writer() => new(_database.Factory, _builder, _store, _clock, NullLogger<QuarterlyReportWriter>.Instance);

    private string PathOf(string district, string quarter) => Path.Combine(_reports, district, quarter + ".xlsx");

    [Fact]
    public async Task At_start_it_writes_the_quarter_just_ended_and_then_the_next_when_it_ends_in_China()
    {
        // 2026-08-15: the quarter just ended is Q2.
        _clock.SetUtcNow(new DateTimeOffset(2026, 8, 15, 0, 0, 0, TimeSpan.Zero));
        using var writer = Writer();
        await writer.StartAsync(CancellationToken.None);
        await Poll.UntilAsync(() => Task.FromResult(File.Exists(PathOf("baiyun", "2026-Q2")) && File.Exists(PathOf("haizhu", "2026-Q2"))), Timeout, "Q2 written at start");
        Assert.False(File.Exists(PathOf("baiyun", "2026-Q3")));
        // Districts without parks get no report.
        Assert.False(Directory.Exists(Path.Combine(_reports, "tianhe")));

        // A minute before midnight of 1 October in Beijing (16:00 UTC), then a second at a time:
        // the report appears once the quarter is over, never before.
        var end = ReportQuarter.Create(2026, 3).End;
        _clock.SetUtcNow(end.AddMinutes(-1));
        await Poll.UntilAsync(() =>
        {
            var written = File.Exists(PathOf("baiyun", "2026-Q3"));
            Assert.False(written && _clock.GetUtcNow() < end, "Q3 written before it ended");
            if (!written)
                _clock.Advance(TimeSpan.FromSeconds(1));
            return Task.FromResult(written);
        }, Timeout, "Q3 written at its end");

        var workbook = await File.ReadAllBytesAsync(PathOf("baiyun", "2026-Q3"));
        var parks = WorkbookGolden.ReadSheet(workbook, QuarterlyReportWorkbook.ParksSheet).Skip(2).Select(r => r[0]).ToList();
        Assert.Equal(["by-jianggao", "by-renhe", "by-shimen", "by-taihe"], parks);
        Assert.Empty(Directory.GetFiles(_reports, "*.tmp", SearchOption.AllDirectories));
        await writer.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task After_being_down_it_catches_up_every_missed_quarter_and_leaves_stored_ones_alone()
    {
        // It last ran for 2025-Q4 (one district written, the other not yet), and is started again in 2026-Q3.
        _store.Save("baiyun", ReportQuarter.Create(2025, 4), [1, 2, 3]);
        _clock.SetUtcNow(new DateTimeOffset(2026, 8, 1, 0, 0, 0, TimeSpan.Zero));
        var written = await Writer().CatchUpAsync(ReportQuarter.Create(2026, 2), CancellationToken.None);

        Assert.Equal(5, written); // haizhu 2025-Q4, then both districts for 2026-Q1 and Q2
        Assert.Equal([1, 2, 3], await File.ReadAllBytesAsync(PathOf("baiyun", "2025-Q4")));
        foreach (var district in new[] { "baiyun", "haizhu" })
        {
            Assert.Equal(["2026-Q2", "2026-Q1", "2025-Q4"], _store.List(district).Select(q => q.ToString()));
        }
        // Run again: nothing left to write, nothing rewritten.
        var before = File.GetLastWriteTimeUtc(PathOf("baiyun", "2026-Q1"));
        Assert.Equal(0, await Writer().CatchUpAsync(ReportQuarter.Create(2026, 2), CancellationToken.None));
        Assert.Equal(before, File.GetLastWriteTimeUtc(PathOf("baiyun", "2026-Q1")));
    }
}
