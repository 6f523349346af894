using SmartPark.EdgeAgent.Drivers;
using SmartPark.EdgeAgent.Drivers.Hardware;

namespace SmartPark.UnitTests.EdgeAgent.Drivers.Hardware;

public class I2cAddressBookTests
{
    [Fact]
    public void Every_entry_names_a_known_driver_and_shared_addresses_list_each_candidate()
    {
        foreach (var address in I2cAddressBook.Addresses)
        {
            foreach (var entry in I2cAddressBook.At(address))
            {
                var drivers = entry[(entry.LastIndexOf(':') + 1)..].Split(',', StringSplitOptions.TrimEntries);
                Assert.All(drivers, d => Assert.True(HardwareDrivers.IsKnown(d), $"0x{address:X2}: {d}"));
            }
        }
        Assert.Equal(2, I2cAddressBook.At(0x5A).Count);
        Assert.Empty(I2cAddressBook.At(0x10));
    }
}
