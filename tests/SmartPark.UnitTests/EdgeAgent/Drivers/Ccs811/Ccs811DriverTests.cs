using SmartPark.EdgeAgent.Drivers.Ccs811;
using SmartPark.UnitTests.EdgeAgent.Drivers.Fakes;
using static SmartPark.UnitTests.EdgeAgent.Drivers.Fakes.Sensors;

namespace SmartPark.UnitTests.EdgeAgent.Drivers.Ccs811;

public class Ccs811DriverTests
{
    /// <summary>
    /// A CCS811: each register is a mailbox of its own length (ALG_RESULT_DATA is 8 bytes at
    /// 0x02, not 8 consecutive registers), so writes do not spill into neighbours.
    /// </summary>
    private sealed class FakeCcs811 : FakeI2cDevice
    {
        public Dictionary<byte, byte[]> Mailboxes { get; } = new()
        {
            [0x00] = [0x98],                 // STATUS: FW_MODE | APP_VALID | DATA_READY
            [0x01] = [0x00],                 // MEAS_MODE: idle after reset
            [0x02] = [0x01, 0xC2, 0x00, 0x0C, 0x98, 0x00, 0x00, 0x00], // 450 ppm, 12 ppb, error 0
            [0x20] = [0x81],                 // HW_ID
            [0x21] = [0x12],                 // HW_VERSION
            [0xE0] = [0x00],                 // ERROR_ID
        };

        public FakeCcs811()
            : base(0x5A)
        {
        }

        protected override void OnWrite(byte register, ReadOnlySpan<byte> data) => Mailboxes[register] = data.ToArray();

        protected override void OnRead(byte register, Span<byte> buffer)
        {
            var box = Mailboxes.GetValueOrDefault(register, []);
            box.AsSpan(0, Math.Min(buffer.Length, box.Length)).CopyTo(buffer);
        }
    }

    [Fact]
    public void Start_up_resets_starts_the_application_and_selects_one_sample_a_second()
    {
        var chip = new FakeCcs811();
        using var driver = new Ccs811Driver(Options("ccs811"), chip);
        Assert.Equal([0xFF, 0x11, 0xE5, 0x72, 0x8A], chip.Writes[0]);  // SW_RESET sequence
        Assert.Contains(chip.Writes, w => w is [0xF4]);                 // APP_START
        Assert.Equal([0x01, 0x10], chip.Writes[^1]);                     // MEAS_MODE drive mode 1
    }

    [Fact]
    public void Tvoc_ppb_becomes_toluene_equivalent_mg_per_m3_and_eco2_stays_ppm()
    {
        using var driver = new Ccs811Driver(Options("ccs811"), new FakeCcs811());
        var values = driver.Read(At);
        Assert.Equal(["tvoc", "co2"], values.Select(v => v.Quantity));
        Assert.Equal(12 * 92.14 / 24.45 / 1000, values[0].Value, 4);
        Assert.Equal(450, values[1].Value);
    }

    [Fact]
    public void A_wrong_chip_id_is_refused_with_what_was_found()
    {
        var chip = new FakeCcs811();
        chip.Mailboxes[0x20] = [0x60];
        var ex = Assert.Throws<IOException>(() => new Ccs811Driver(Options("ccs811"), chip));
        Assert.Contains("ID must be 0x81", ex.Message);
    }

    [Fact]
    public void An_error_in_the_result_is_a_fault_with_the_error_register()
    {
        var chip = new FakeCcs811();
        using var driver = new Ccs811Driver(Options("ccs811"), chip);
        chip.Mailboxes[0x02] = [0x01, 0xC2, 0x00, 0x0C, 0x99, 0x01, 0x00, 0x00];
        chip.Mailboxes[0xE0] = [0x04];
        var ex = Assert.Throws<IOException>(() => driver.Read(At));
        Assert.Contains("warm-up", ex.Message);
    }

    [Fact]
    public void Disposing_releases_the_i2c_device()
    {
        var chip = new FakeCcs811();
        new Ccs811Driver(Options("ccs811"), chip).Dispose();
        Assert.True(chip.Disposed);
    }
}
