namespace SmartPark.EdgeAgent.Drivers.Catalogue;

/// <summary>An I2C address a driver's chip answers at, and how the chip is strapped to get it.</summary>
/// <param name="Address">The 7-bit address.</param>
/// <param name="Part">The chip and its strapping, e.g. <c>ADS1115 (ADDR→GND)</c>.</param>
public sealed record I2cAddress(int Address, string Part);
