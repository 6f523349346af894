using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using SmartPark.EdgeAgent.Configuration;
using SmartPark.EdgeAgent.Drivers.Hardware;

namespace SmartPark.UnitTests.EdgeAgent.Drivers.Fakes;

public static class TestContexts
{
    public static HardwareContext Create(IHardware hardware, AgentOptions? options = null, TimeProvider? time = null) =>
        HardwareContext.For(options ?? new AgentOptions(), hardware, time ?? new FakeTimeProvider(Sensors.At), NullLoggerFactory.Instance);
}
