using SmartPark.EdgeAgent.Drivers.Catalogue;

namespace SmartPark.UnitTests.EdgeAgent.Drivers.Catalogue;

/// <summary>The I2C addresses the descriptors declare: what <c>probe</c> prints next to an address that answers.</summary>
public class I2cAddressTests
{
    [Fact]
    public void Every_entry_names_a_known_driver_and_shared_addresses_list_each_candidate()
    {
        foreach (var address in DriverCatalogue.I2cAddresses)
        {
            foreach (var entry in DriverCatalogue.I2cPartsAt(address))
            {
                var drivers = entry[(entry.LastIndexOf(':') + 1)..].Split(',', StringSplitOptions.TrimEntries);
                Assert.All(drivers, d => Assert.NotNull(DriverCatalogue.Find(d)));
            }
        }
        Assert.Equal(2, DriverCatalogue.I2cPartsAt(0x5A).Count);
        Assert.Empty(DriverCatalogue.I2cPartsAt(0x10));
    }

    [Fact]
    public void Drivers_on_one_chip_share_its_entry()
    {
        Assert.Equal(["ADS1115 (ADDR→GND): ads1115-transmitter, mq-gas", "INA219 DC monitor: ina219"], DriverCatalogue.I2cPartsAt(0x48));
    }
}
