using System.Globalization;
using Microsoft.Data.Sqlite;
using SmartPark.EdgeAgent.Outbox;
using SmartPark.OutboxWriter;

namespace SmartPark.IntegrationTests.EdgeAgent;

/// <summary>
/// Power loss in the middle of writing: a child process appends and removes outbox batches as
/// fast as it can, printing each commit the outbox returned; it is SIGKILLed mid-stream, three
/// times over the same file. Every acknowledged append that was not (being) removed must be there
/// with its exact content, no removed batch may come back, and the database must pass its
/// integrity check. A removal cut short by the kill may have committed or not: either is fine.
/// </summary>
public sealed class OutboxPowerLossTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("smartpark-outbox-kill-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Nothing_the_outbox_acknowledged_is_lost_or_corrupted_by_sigkill()
    {
        var db = Path.Combine(_dir, "outbox.db");
        var writer = RepositoryPaths.Output("tests/Tools/SmartPark.OutboxWriter", "SmartPark.OutboxWriter.dll");
        var appended = new Dictionary<long, long>();   // seq -> id
        var removed = new HashSet<long>();
        var removing = new HashSet<long>();
        long nextId = 1;

        for (var round = 0; round < 3; round++)
        {
            await using var child = ProcessRunner.Start("dotnet", [writer, db, nextId.ToString(CultureInfo.InvariantCulture)]);
            var target = 150 + (round * 97);   // kill at a different point each round
            await Poll.UntilAsync(() =>
            {
                if (child.HasExited)
                    throw new InvalidOperationException("the writer exited: " + child.Output);
                return Task.FromResult(CountAppends(child.Output) >= target);
            }, TimeSpan.FromSeconds(60), $"{target} acknowledged appends");
            child.Kill();
            // Output is read asynchronously and lags the child: parse only once all of it is in,
            // or a removal the child printed just before dying would look like a lost batch.
            await child.WaitForExitAndOutputAsync(TimeSpan.FromSeconds(30));

            foreach (var line in child.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var parts = line.Split(' ');
                if (parts[0] == "A" && parts.Length == 3)
                {
                    var id = long.Parse(parts[1], CultureInfo.InvariantCulture);
                    appended[long.Parse(parts[2], CultureInfo.InvariantCulture)] = id;
                    nextId = Math.Max(nextId, id + 1);
                }
                else if (parts[0] == "R" && parts.Length == 2)
                {
                    removed.Add(long.Parse(parts[1], CultureInfo.InvariantCulture));
                }
                else if (parts[0] == "P" && parts.Length == 2)
                {
                    removing.Add(long.Parse(parts[1], CultureInfo.InvariantCulture));
                }
            }
            // An append that committed but was killed before its line was printed also took an id.
            nextId += 1_000;

            using (var check = new SqliteConnection($"Data Source={db};Pooling=false"))
            {
                await check.OpenAsync();
                await using var integrity = check.CreateCommand();
                integrity.CommandText = "PRAGMA integrity_check";
                Assert.Equal("ok", (string?)await integrity.ExecuteScalarAsync());
            }

            await using var outbox = await SqliteOutbox.OpenAsync(db);
            var stored = (await outbox.PeekAsync(1_000_000)).ToDictionary(e => e.Seq);
            foreach (var (seq, id) in appended.Where(a => !removed.Contains(a.Key)))
            {
                if (!stored.TryGetValue(seq, out var entry))
                {
                    Assert.True(removing.Contains(seq), $"round {round}: acknowledged batch seq {seq} (id {id}) is missing");
                    continue;
                }
                Assert.Equal(BatchContent.For(id), entry.ReadingsJson);
                Assert.Equal(3, entry.ReadingCount);
            }
            Assert.DoesNotContain(stored.Keys, removed.Contains);
        }
        Assert.True(appended.Count >= 150 + 247 + 344, $"only {appended.Count} appends were checked");
        Assert.NotEmpty(removed);
        Assert.True(removing.Except(removed).Count() <= 6, "at most two removals per kill can be in flight");
    }

    private static int CountAppends(string output) => output.Split('\n').Count(l => l.StartsWith("A ", StringComparison.Ordinal));
}
