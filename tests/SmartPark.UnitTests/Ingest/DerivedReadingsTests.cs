using SmartPark.Contracts.Emissions;
using SmartPark.Contracts.Registry;
using SmartPark.Contracts.Telemetry;
using SmartPark.Ingest.Emissions;

namespace SmartPark.UnitTests.Ingest;

/// <summary>What Ingest adds to an accepted batch: derived readings with the registry's settings of each sensor, and nothing, at no cost, to a batch without a pollutant.</summary>
public sealed class DerivedReadingsTests
{
    private static readonly DateTimeOffset T = new(2026, 12, 7, 2, 0, 0, TimeSpan.Zero);

    private static Reading R(string sensor, string quantity, double value) =>
        new() { Sensor = sensor, Quantity = quantity, Value = value, Unit = "x", Ts = T, Flag = DataFlag.Normal };

    private static TelemetryBatch Batch(params Reading[] readings) => new() { Schema = 1, Device = "d-1", Seq = 1, SentAt = T, Readings = readings };

    private static readonly RegistryDevice Cems = new()
    {
        Id = "d-1",
        Credential = "x",
        Sensors =
        [
            new RegistrySensor { Id = "coal", Quantities = ["so2", "o2", "flue_gas_flow"], Emission = new EmissionSettings { ReferenceOxygen = 9 } },
            new RegistrySensor { Id = "gas", Quantities = ["so2", "o2", "flue_gas_flow"], Emission = new EmissionSettings { ReferenceOxygen = 3.5 } },
        ],
    };

    [Fact]
    public void Each_sensor_is_converted_with_its_own_reference_oxygen_from_the_registry()
    {
        var batch = DerivedReadings.Append(Batch(R("coal", "so2", 300), R("coal", "o2", 12), R("gas", "so2", 30), R("gas", "o2", 6)), Cems);
        var readings = batch.Readings!;
        Assert.Equal(6, readings.Count); // the four sent, then the two derived
        // Coal: 300 × (21 − 9) / (21 − 12) = 400; gas: 30 × 17.5 / 15 = 35.
        Assert.Equal(400, Assert.Single(readings, r => r.Sensor == "coal" && r.Quantity == "so2_converted").Value!.Value, 6);
        Assert.Equal(35, Assert.Single(readings, r => r.Sensor == "gas" && r.Quantity == "so2_converted").Value!.Value, 6);
    }

    [Fact]
    public void Without_the_device_in_a_registry_only_rates_are_derived()
    {
        var readings = DerivedReadings.Append(Batch(R("coal", "so2", 300), R("coal", "o2", 12), R("coal", "flue_gas_flow", 1)), device: null).Readings!;
        Assert.Equal("so2_rate", readings[^1].Quantity);
        Assert.Equal(4, readings.Count);
    }

    [Fact]
    public void A_batch_without_a_pollutant_is_returned_as_it_is_without_allocating()
    {
        var power = Batch(R("m-1", "power", 12.5), R("m-1", "energy", 1000), R("t-1", "temperature", 21));
        Assert.Same(power, DerivedReadings.Append(power, Cems)); // warm up
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
            DerivedReadings.Append(power, Cems);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
