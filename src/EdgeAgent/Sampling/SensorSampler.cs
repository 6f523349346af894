using System.Text.Json;
using SmartPark.Contracts;
using SmartPark.Contracts.Quantities;
using SmartPark.Contracts.Telemetry;
using SmartPark.EdgeAgent.Drivers;
using SmartPark.EdgeAgent.Outbox;

namespace SmartPark.EdgeAgent.Sampling;

/// <summary>
/// Reads a group of sensors that share an interval on a timer and commits each round to the
/// outbox as one batch. A driver that throws is logged and skipped for that round; the others
/// still report.
/// </summary>
public sealed class SensorSampler(
    IReadOnlyList<ISensorDriver> drivers,
    TimeSpan interval,
    SqliteOutbox outbox,
    Action onStored,
    TimeProvider time,
    ILogger logger)
{
    private readonly Dictionary<string, string> _lastErrors = [];

    /// <summary>Samples until cancelled, or until <paramref name="maxRounds"/> rounds are stored.</summary>
    public async Task RunAsync(long? maxRounds, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(interval, time);
        long rounds = 0;
        do
        {
            if (await SampleOnceAsync(cancellationToken).ConfigureAwait(false))
                rounds++;
            if (rounds >= maxRounds)
                return;
        }
        while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false));
    }

    /// <summary>One round: read every driver, store what they gave. False when nothing was read.</summary>
    public async Task<bool> SampleOnceAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var at = DateTimeOffset.FromUnixTimeMilliseconds(now.ToUnixTimeMilliseconds());
        var readings = new List<Reading>();
        foreach (var driver in drivers)
        {
            try
            {
                foreach (var value in driver.Read(at))
                {
                    readings.Add(new Reading
                    {
                        Sensor = driver.SensorId,
                        Quantity = value.Quantity,
                        Value = value.Value,
                        Unit = QuantityCatalogue.Get(value.Quantity).Unit,
                        Ts = at,
                        Flag = value.Flag,
                    });
                }
                if (_lastErrors.Remove(driver.SensorId))
                    logger.LogInformation("Sensor {Sensor} reads again", driver.SensorId);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Log a failing sensor once per distinct error, not once per round.
                if (!_lastErrors.TryGetValue(driver.SensorId, out var last) || last != ex.Message)
                    logger.LogError(ex, "Sensor {Sensor} failed to read: {Error}", driver.SensorId, ex.Message);
                _lastErrors[driver.SensorId] = ex.Message;
            }
        }

        if (readings.Count == 0)
            return false;
        var json = JsonSerializer.Serialize(readings.ToArray(), ContractsJsonContext.Default.ReadingArray);
        await outbox.AppendAsync(json, readings.Count, now, cancellationToken).ConfigureAwait(false);
        onStored();
        return true;
    }
}
