using SmartPark.EdgeAgent.Configuration;

namespace SmartPark.Simulator;

/// <summary>A park file: the park, its enterprises, their devices and each device's sensors.</summary>
public sealed class ParkDefinition
{
    public ParkInfo Park { get; set; } = new();
    public List<EnterpriseDefinition> Enterprises { get; set; } = [];
}

public sealed class ParkInfo
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public string? NameZh { get; set; }
    public string District { get; set; } = "";
    public double AreaHectares { get; set; }
    public string LeadingIndustry { get; set; } = "";
}

public sealed class EnterpriseDefinition
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public string? NameZh { get; set; }
    public string Industry { get; set; } = "";

    /// <summary>Renovation status: operating, shut_down, relocating, converting, upgraded.</summary>
    public string Status { get; set; } = "operating";

    /// <summary>day, two-shifts or continuous; a shut-down enterprise draws standby power only.</summary>
    public string Shift { get; set; } = "day";

    public List<DeviceDefinition> Devices { get; set; } = [];
}

public sealed class DeviceDefinition
{
    public string Id { get; set; } = "";
    public List<SensorOptions> Sensors { get; set; } = [];
}
