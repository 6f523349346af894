namespace SmartPark.EdgeAgent.Drivers.Simulated;

/// <summary>Outdoor weather the simulated sensors share: warmest at 14:00 China time.</summary>
public static class Ambient
{
    public static double Temperature(DateTimeOffset at, double mean, double swing)
    {
        var hour = at.ToOffset(TimeSpan.FromHours(8)).TimeOfDay.TotalHours;
        return mean + (swing * Math.Cos((hour - 14) / 24 * 2 * Math.PI));
    }

    /// <summary>Relative humidity runs opposite to temperature over the day.</summary>
    public static double Humidity(DateTimeOffset at, double mean)
    {
        var hour = at.ToOffset(TimeSpan.FromHours(8)).TimeOfDay.TotalHours;
        return Math.Clamp(mean - (12 * Math.Cos((hour - 14) / 24 * 2 * Math.PI)), 5, 99);
    }
}
