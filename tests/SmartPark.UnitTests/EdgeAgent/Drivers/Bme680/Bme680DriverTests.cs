using SmartPark.EdgeAgent.Drivers.Bme680;
using SmartPark.UnitTests.EdgeAgent.Drivers.Fakes;
using static SmartPark.UnitTests.EdgeAgent.Drivers.Fakes.Sensors;

namespace SmartPark.UnitTests.EdgeAgent.Drivers.Bme680;

/// <summary>
/// The BME680 through the binding, against a register file whose calibration words are chosen
/// so each Bosch floating-point compensation formula collapses to one term we can compute by hand.
/// </summary>
public class Bme680DriverTests
{
    private static FakeI2cDevice Chip(byte chipId = 0x61)
    {
        var chip = new FakeI2cDevice(0x76);
        chip[0xD0] = chipId;
        // par_t1 = 0, par_t2 = 4000, par_t3 = 0: T = adc_T × 4000 / 16384 / 5120.
        chip.Set(0x8A, 0xA0, 0x0F);
        chip.Set(0x22, 0x80, 0x00, 0x00);            // adc_T = 0x80000 = 524288 → 25.00 °C
        // par_p1 = 39072, all other par_p = 0: P = (2^20 − adc_P) × 6250 / par_p1.
        chip.Set(0x8E, 39072 & 0xFF, 39072 >> 8);
        chip.Set(0x1F, 0x65, 0x5A, 0xC0);            // adc_P = 0x655AC → 101323.84 Pa
        // par_h2 = 512, other par_h = 0: H = adc_H × 512 / 262144.
        chip[0xE1] = 0x20;
        chip.Set(0x25, 0x60, 0x00);                  // adc_H = 24576 → 48.0 %RH
        // gas_adc = 768, range 4, valid and heater stable: R = 1340 × 499500.4995 / (768 − 512 + 1340).
        chip.Set(0x2A, 0xC0, 0x34);
        chip[0x1D] = 0x80;                           // new data
        return chip;
    }

    [Fact]
    public void Readings_follow_the_compensation_formulas_in_canonical_units()
    {
        var chip = Chip();
        using var driver = new Bme680Driver(Options("bme680"), chip);
        var values = driver.Read(At);
        Assert.Equal(["temperature", "humidity", "pressure", "gas_resistance"], values.Select(v => v.Quantity));
        Assert.Equal(25.0, values[0].Value, 2);
        Assert.Equal(48.0, values[1].Value, 2);
        Assert.Equal(1013.24, values[2].Value, 2);                   // hPa
        Assert.Equal(1340 * 499500.4995 / 1596 / 1000, values[3].Value, 3); // kΩ
    }

    [Fact]
    public void The_gas_heater_is_set_up_once_and_each_read_forces_a_measurement()
    {
        var chip = Chip();
        using var driver = new Bme680Driver(Options("bme680"), chip);
        // Set up once: run_gas in ctrl_gas_1 (0x71) and a heater set-point in res_heat_0 (0x5A).
        Assert.Contains(chip.Writes, w => w is [0x71, var g] && (g & 0x10) != 0);
        Assert.Contains(chip.Writes, w => w is [0x5A, _]);
        chip.Writes.Clear();
        driver.Read(At);
        // Each read: ctrl_meas (0x74) with mode bits 01 = forced.
        Assert.Contains(chip.Writes, w => w is [0x74, var m] && (m & 0b11) == 0b01);
    }

    [Fact]
    public void Calibration_offsets_apply_per_quantity()
    {
        using var driver = new Bme680Driver(Options("bme680", ("temperature.offset", "-1.2"), ("humidity.offset", "3")), Chip());
        var values = driver.Read(At);
        Assert.Equal(23.8, values[0].Value, 2);
        Assert.Equal(51.0, values[1].Value, 2);
    }

    [Fact]
    public void A_bme280_at_the_address_is_refused_with_the_id_found()
    {
        var ex = Assert.Throws<IOException>(() => new Bme680Driver(Options("bme680"), Chip(chipId: 0x60)));
        Assert.Contains("97", ex.Message);   // the expected id 0x61 …
        Assert.Contains("96", ex.Message);   // … and the BME280's 0x60 it found
    }
}
