using SmartPark.Contracts.Quantities;
using SmartPark.EdgeAgent.Configuration;
using SmartPark.EdgeAgent.Drivers.Catalogue;
using SmartPark.EdgeAgent.Drivers.Settings;

namespace SmartPark.EdgeAgent.Drivers.Energy.ModbusMeters;

/// <summary>
/// What every Modbus meter's descriptor shares: the endpoint settings, calibration, the
/// configurable energy counter (<c>energyRegister</c>, <c>energyFormat</c>, <c>energyWordOrder</c>,
/// <c>energyFunction</c>, <c>energyScale</c>: see <see cref="CounterRegister"/>) and how it opens.
/// </summary>
public static class ModbusMeterDescriptor
{
    /// <summary>The energy counter's keys on every electricity meter.</summary>
    public static CounterRegister EnergyCounter { get; } = new("energy");

    /// <param name="name">The configuration name.</param>
    /// <param name="map">The meter's registers for a sensor's settings (a DTSU666's depend on its PT/CT ratios).</param>
    /// <param name="defaultBaud">Factory line speed.</param>
    /// <param name="defaultFormat">Factory character format.</param>
    /// <param name="energyScaleShown">The default energy scale as people read it (<c>PT × CT</c>).</param>
    /// <param name="extra">The meter's own keys.</param>
    public static DriverDescriptor For(string name, Func<SensorOptions, MeterRegisterMap> map, int defaultBaud, string defaultFormat, string energyScaleShown,
        params IReadOnlyList<SettingSpec> extra)
    {
        var factory = map(new SensorOptions());
        var energy = factory.Values.Single(v => v.Quantity == QuantityCatalogue.Energy.Name);
        return new()
        {
            Names = [name],
            Part = factory.Model + " (Modbus RTU/TCP)",
            Kind = DriverKind.Direct,
            Quantities = s => map(s).Quantities,
            Settings = ModbusMeterSettings.Schema(defaultBaud, defaultFormat)
                .With(EnergyCounter.Specs(energy, factory.Function, factory.WordOrder, energyScaleShown, "energy (kWh)"))
                .With(extra),
            Rules = s => ModbusMeterSettings.CheckEndpoint(s).Concat(EnergyCounter.Rules(s)),
            Open = (s, _) =>
            {
                var settings = ModbusMeterSettings.From(s, defaultBaud, defaultFormat);
                var registers = Configured(map(s), s);
                return new ModbusMeterDriver(s.Id, settings.Endpoint.Acquire(), settings.Unit, registers, MeterCalibration.From(s, registers.Quantities));
            },
        };
    }

    /// <summary>The meter's map with its energy counter where the sensor's settings put it.</summary>
    public static MeterRegisterMap Configured(MeterRegisterMap map, SensorOptions sensor)
    {
        if (!EnergyCounter.IsConfigured(sensor))
            return map;
        var energy = map.Values.Single(v => v.Quantity == QuantityCatalogue.Energy.Name);
        return map.Replace(energy.Quantity, EnergyCounter.From(sensor, energy, map.Function, map.WordOrder));
    }
}
