using System.Text.Json;
using Microsoft.Data.Sqlite;
using SmartPark.Contracts;
using SmartPark.Contracts.Telemetry;
using SmartPark.EdgeAgent.Outbox;

namespace SmartPark.Bench.Agent;

/// <summary>
/// Writes the backlog an outage leaves behind into a real outbox file: batches of 20 readings,
/// as the agent's sampler stores them, in one transaction (filling is not what is measured).
/// </summary>
internal static class BacklogFiller
{
    public const int ReadingsPerBatch = 20;

    /// <returns>The number of batches (their seqs are 1..N).</returns>
    public static async Task<long> FillAsync(string outboxPath, long readings, CancellationToken cancellationToken)
    {
        await (await SqliteOutbox.OpenAsync(outboxPath, cancellationToken: cancellationToken)).DisposeAsync();
        var batches = (readings + ReadingsPerBatch - 1) / ReadingsPerBatch;
        var start = DateTimeOffset.UtcNow.AddHours(-1);
        await using var connection = new SqliteConnection($"Data Source={outboxPath};Pooling=false");
        await connection.OpenAsync(cancellationToken);
        await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await using var insert = connection.CreateCommand();
        insert.Transaction = tx;
        insert.CommandText = "INSERT INTO outbox (readings, reading_count, stored_at_ms) VALUES ($r, $n, $at)";
        var r = insert.Parameters.Add("$r", SqliteType.Text);
        var n = insert.Parameters.Add("$n", SqliteType.Integer);
        var at = insert.Parameters.Add("$at", SqliteType.Integer);
        for (long b = 0; b < batches; b++)
        {
            var ts = start.AddSeconds(b);
            var batch = Enumerable.Range(0, ReadingsPerBatch).Select(i => new Reading
            {
                Sensor = $"s{i + 1:D2}",
                Quantity = "power",
                Value = Math.Round(100 + (i * 3.7) + (b % 13), 3),
                Unit = "kW",
                Ts = ts,
                Flag = DataFlag.Normal,
            }).ToArray();
            r.Value = JsonSerializer.Serialize(batch, ContractsJsonContext.Default.ReadingArray);
            n.Value = ReadingsPerBatch;
            at.Value = ts.ToUnixTimeMilliseconds();
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }
        await tx.CommitAsync(cancellationToken);
        return batches;
    }
}
