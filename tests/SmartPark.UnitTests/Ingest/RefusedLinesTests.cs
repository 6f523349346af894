using System.Net;
using SmartPark.Ingest.Storage;
using SmartPark.Platform.Influx;

namespace SmartPark.UnitTests.Ingest;

/// <summary>The halving that finds which lines of a spooled record InfluxDB refuses, against a
/// writer that refuses, as InfluxDB 1.x does, any write holding a bad line (HTTP 400).</summary>
public sealed class RefusedLinesTests
{
    private readonly List<string> _stored = [];

    private Task WriteAsync(IReadOnlyList<string> lines)
    {
        var bad = lines.Where(l => l.Contains("bad", StringComparison.Ordinal)).ToList();
        // InfluxDB 1.x stores the good points of a partial write, then answers 400.
        _stored.AddRange(lines.Except(bad));
        if (bad.Count > 0)
            throw new InfluxException("partial write", HttpStatusCode.BadRequest, $"{{\"error\":\"partial write: field type conflict dropped={bad.Count}\"}}");
        return Task.CompletedTask;
    }

    private static List<string> Lines(int count, params int[] bad) =>
        [.. Enumerable.Range(0, count).Select(i => bad.Contains(i) ? $"bad {i}" : $"good {i}")];

    [Fact]
    public async Task One_bad_line_among_a_thousand_is_found_in_about_two_log2_n_writes()
    {
        var lines = Lines(1000, 617);
        var result = await RefusedLines.FindAsync(lines, WriteAsync, maxWrites: 64);
        Assert.Equal(["bad 617"], result.Lines);
        Assert.InRange(result.Writes, 2, 2 * 10 + 1);
        Assert.Contains("field type conflict", result.Reasons[0]);
        Assert.Equal(lines.Where(l => l.StartsWith("good", StringComparison.Ordinal)).ToHashSet(), _stored.ToHashSet());
    }

    [Fact]
    public async Task Several_bad_lines_come_back_in_their_order()
    {
        var result = await RefusedLines.FindAsync(Lines(50, 3, 4, 40), WriteAsync, maxWrites: 64);
        Assert.Equal(["bad 3", "bad 4", "bad 40"], result.Lines);
    }

    [Fact]
    public async Task A_wholly_refused_record_costs_a_bounded_number_of_writes_and_loses_no_line()
    {
        var lines = Enumerable.Range(0, 5000).Select(i => $"bad {i}").ToList();
        var result = await RefusedLines.FindAsync(lines, WriteAsync, maxWrites: 64);
        Assert.Equal(lines, result.Lines);
        // The budget, plus at most one write per part still waiting (the halving's depth).
        Assert.InRange(result.Writes, 1, 64 + 14);
    }

    [Fact]
    public async Task A_good_record_is_one_write()
    {
        var result = await RefusedLines.FindAsync(Lines(10), WriteAsync, maxWrites: 64);
        Assert.Empty(result.Lines);
        Assert.Equal(1, result.Writes);
    }

    [Fact]
    public async Task A_transient_failure_is_not_a_refusal_and_propagates()
    {
        Task Unavailable(IReadOnlyList<string> _) =>
            throw new InfluxException("unavailable", HttpStatusCode.ServiceUnavailable, "overloaded");
        await Assert.ThrowsAsync<InfluxException>(() => RefusedLines.FindAsync(Lines(10, 1), Unavailable, maxWrites: 64));
    }

    [Fact]
    public void A_dead_letter_file_is_line_protocol_with_the_reasons_as_comments()
    {
        var spool = Directory.CreateTempSubdirectory("smartpark-spool-").FullName;
        try
        {
            var letters = new SpoolDeadLetters(spool);
            var path = letters.Keep(3, 7, ["nmhc,device=d value=5i 1700000000000"], ["{\"error\":\"field type conflict\"}\n"], DateTimeOffset.UnixEpoch);
            Assert.Equal(Path.Combine(spool, "deadletter", "000000000003-000007.lp"), path);
            var text = File.ReadAllLines(path);
            Assert.StartsWith("# refused by InfluxDB on spool replay at 1970-01-01T00:00:00", text[0]);
            Assert.Equal("# {\"error\":\"field type conflict\"}", text[1]);
            Assert.Equal("nmhc,device=d value=5i 1700000000000", text[2]);
            Assert.Equal([path], letters.Files());
        }
        finally
        {
            Directory.Delete(spool, recursive: true);
        }
    }
}
