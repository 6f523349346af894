using SmartPark.Platform.Mqtt;

namespace SmartPark.Dashboard;

/// <summary>Section <c>Dashboard</c>.</summary>
public sealed class DashboardOptions
{
    public const string Section = "Dashboard";

    /// <summary>Each Dashboard instance subscribes on its own (no shared subscription), so every
    /// instance sees every reading; the client id is made unique per process when left empty.</summary>
    public MqttEndpointOptions Broker { get; set; } = new();

    /// <summary>Longest history one request may ask for, so a typo cannot scan years of raw points.</summary>
    /// <summary>JSON file of the people who may sign in (<c>{"users":[{"name","role","parks","passwordHash"}]}</c>);
    /// hash passwords with <c>./smartpark hash-user-password</c>.</summary>
    public string? UsersPath { get; set; }

    /// <summary>How often changed enterprise tiles are pushed to browsers: at most one update per tile per interval.</summary>
    public TimeSpan TileInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>How often live readings are pushed: each device's readings since the last push, in one message per interval.</summary>
    public TimeSpan ReadingsInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    public TimeSpan MaxHistory { get; set; } = TimeSpan.FromDays(2);
}
