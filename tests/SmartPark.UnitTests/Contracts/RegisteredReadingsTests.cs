using SmartPark.Contracts.Registry;
using SmartPark.Contracts.Telemetry;
using SmartPark.Contracts.Validation;

namespace SmartPark.UnitTests.Contracts;

public class RegisteredReadingsTests
{
    private static readonly RegistryDevice Device = new()
    {
        Id = "d1",
        Credential = "x",
        Sensors = [new RegistrySensor { Id = "meter-1", Quantities = ["power", "energy"] }, new RegistrySensor { Id = "voc-1", Quantities = ["nmhc"] }],
    };

    private static Reading R(string sensor, string quantity) =>
        new() { Sensor = sensor, Quantity = quantity, Value = 1, Unit = "x", Ts = DateTimeOffset.UnixEpoch, Flag = DataFlag.Normal };

    private static TelemetryBatch Batch(params Reading[] readings) =>
        new() { Schema = 1, Device = "d1", Seq = 7, SentAt = DateTimeOffset.UnixEpoch, Readings = readings };

    [Fact]
    public void A_batch_of_registered_readings_passes_as_it_is()
    {
        var batch = Batch(R("meter-1", "power"), R("meter-1", "energy"), R("voc-1", "nmhc"));
        var split = RegisteredReadings.Split(Device, batch);
        Assert.Same(batch, split.Registered);
        Assert.Null(split.Unregistered);
        Assert.Empty(split.Errors);
    }

    [Fact]
    public void Unregistered_sensors_and_quantities_are_split_off_with_one_error_each_and_the_rest_kept_in_order()
    {
        var batch = Batch(R("meter-1", "power"), R("voc-9", "nmhc"), R("voc-1", "nmhc"), R("meter-1", "voltage"), R("meter-1", "energy"));
        var split = RegisteredReadings.Split(Device, batch);

        Assert.Equal([("meter-1", "power"), ("voc-1", "nmhc"), ("meter-1", "energy")], split.Registered.Readings!.Select(r => (r.Sensor!, r.Quantity!)));
        Assert.Equal([("voc-9", "nmhc"), ("meter-1", "voltage")], split.Unregistered!.Readings!.Select(r => (r.Sensor!, r.Quantity!)));
        Assert.Equal([RejectionCodes.UnregisteredSensor, RejectionCodes.UnregisteredQuantity], split.Errors.Select(e => e.Code));
        Assert.StartsWith("readings[1]: sensor 'voc-9' is not registered for device 'd1'", split.Errors[0].Message, StringComparison.Ordinal);
        Assert.StartsWith("readings[3]: sensor 'meter-1' of device 'd1' is registered for power, energy, not 'voltage'", split.Errors[1].Message, StringComparison.Ordinal);
        // Both halves keep the header, so the dead letter says which batch its readings came from.
        Assert.Equal((7L, "d1"), (split.Unregistered.Seq!.Value, split.Unregistered.Device!));
        Assert.Equal(7L, split.Registered.Seq);
    }

    [Fact]
    public void A_batch_with_nothing_registered_keeps_nothing()
    {
        var split = RegisteredReadings.Split(Device, Batch(R("x-1", "nmhc"), R("voc-1", "power")));
        Assert.Empty(split.Registered.Readings!);
        Assert.Equal(2, split.Unregistered!.Readings!.Count);
    }

    [Fact]
    public void Sensor_ids_compare_exactly()
    {
        var split = RegisteredReadings.Split(Device, Batch(R("VOC-1", "nmhc"), R("voc-1", "NMHC")));
        Assert.Equal([RejectionCodes.UnregisteredSensor, RejectionCodes.UnregisteredQuantity], split.Errors.Select(e => e.Code));
    }
}
