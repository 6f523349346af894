using SmartPark.Contracts.Alerts;
using SmartPark.Contracts.Telemetry;
using SmartPark.Contracts.Topics;
using SmartPark.Ingest.Alerts;
using SmartPark.Ingest.Alerts.Engine;
using SmartPark.Ingest.Alerts.Rules;
using SmartPark.Ingest.Alerts.Rules.Kinds;

namespace SmartPark.UnitTests.Ingest.Kinds;

/// <summary>State saved before each rule kept its own memory (one shared memory per series) still
/// loads, and each rule carries on from it (<see cref="LegacySeriesMigration"/>).</summary>
public sealed class LegacyEngineStateTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 24, 8, 0, 0, TimeSpan.Zero);

    private sealed class Statuses : IEnterpriseStatus
    {
        public string? StatusOf(string park, string enterprise) => "shut_down";
    }

    // The shape EngineStateStore wrote before: buckets, recent, lastValue, changedAtTs and
    // aboveFloorSinceTs side by side on the series.
    private static string OldState(long t0) => $$"""
    {
      "alerts": {}, "conditions": {}, "devices": {}, "pending": [],
      "series": {
        "p1/e1/d1/voc-1/nmhc": {
          "recent": [],
          "buckets": [ { "startTs": {{t0}}, "sum": 30, "count": 1 }, { "startTs": {{t0 + 600_000}}, "sum": 10, "count": 2 } ],
          "lastValue": 5, "lastTs": {{t0 + 1_200_000}}, "changedAtTs": {{t0 + 600_000}}
        },
        "p1/e1/d1/heat-1/temperature": {
          "recent": [ { "ts": {{t0}}, "value": 25 }, { "ts": {{t0 + 60_000}}, "value": 29 } ],
          "buckets": [], "lastValue": 29, "lastTs": {{t0 + 60_000}}, "changedAtTs": {{t0 + 60_000}}
        },
        "p1/e1/d1/meter-1/power": {
          "recent": [], "buckets": [], "lastValue": 30, "lastTs": {{t0}}, "changedAtTs": {{t0}}, "aboveFloorSinceTs": {{t0}}
        }
      }
    }
    """;

    [Fact]
    public void Window_rate_flatline_and_registry_memory_carry_on_after_the_upgrade()
    {
        var dir = Directory.CreateTempSubdirectory("legacy-state-").FullName;
        try
        {
            var t0 = T0.ToUnixTimeMilliseconds();
            File.WriteAllText(Path.Combine(dir, "alert-engine.json"), OldState(t0));
            var state = new EngineStateStore(dir).Load();
            var evaluator = new AlertEvaluator(new RuleBook(DefaultRules.All), new Statuses(), state);

            var voc = state.Series["p1/e1/d1/voc-1/nmhc"];
            Assert.Null(voc.Legacy);
            Assert.Equal(2, Assert.IsType<WindowState>(voc.Rules["nmhc-inplant-1h-gd"]).Buckets.Count);
            Assert.Equal(t0 + 600_000, Assert.IsType<FlatlineState>(voc.Rules["nmhc-stuck"]).ChangedAtTs);
            Assert.Equal(2, Assert.IsType<RateState>(state.Series["p1/e1/d1/heat-1/temperature"].Rules["heat-rate-of-rise"]).Recent.Count);
            Assert.Equal(t0, Assert.IsType<RegistryState>(state.Series["p1/e1/d1/meter-1/power"].Rules["shut-down-drawing-power"]).AboveFloorSinceTs);

            // The hourly mean goes on from the saved buckets: (30 + 10 + 5) / 4 = 11.25 > 6.
            Read(evaluator, T0.AddMinutes(30), "voc-1", "nmhc", 5);
            Assert.Equal(11.25, Assert.Single(state.Pending, t => t.Alert.RuleId == "nmhc-inplant-1h-gd").Alert.Value);
            // The rate of rise goes on from the saved points: 25 → 33 over 2 minutes is 4 °C/min.
            Read(evaluator, T0.AddMinutes(2), "heat-1", "temperature", 33);
            Assert.Equal(4.0, Assert.Single(state.Pending, t => t.Alert.RuleId == "heat-rate-of-rise").Alert.Value);
            // Drawing power since T0 at a shut-down enterprise: 10 minutes are up at T0 + 10 min.
            Read(evaluator, T0.AddMinutes(10), "meter-1", "power", 30);
            Assert.Contains(state.Pending, t => t.Alert.RuleId == "shut-down-drawing-power" && t.To == AlertStates.Active);

            // Saved again, in the new shape only.
            new EngineStateStore(dir).Save(state);
            var reloaded = new EngineStateStore(dir).Load().Series["p1/e1/d1/voc-1/nmhc"];
            Assert.Null(reloaded.Legacy);
            Assert.Equal(["nmhc-inplant-1h-gd", "nmhc-stuck"], reloaded.Rules.Keys.Order(StringComparer.Ordinal));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static void Read(AlertEvaluator evaluator, DateTimeOffset at, string sensor, string quantity, double value) =>
        evaluator.OnBatch(new DeviceAddress("p1", "e1", "d1"), new TelemetryBatch
        {
            Schema = 1,
            Device = "d1",
            Seq = 1,
            SentAt = at,
            Readings = [new Reading { Sensor = sensor, Quantity = quantity, Value = value, Unit = "x", Ts = at, Flag = DataFlag.Normal }],
        }, at);
}
