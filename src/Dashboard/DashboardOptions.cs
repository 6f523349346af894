using Microsoft.Extensions.Options;
using SmartPark.Platform.Hosting;
using SmartPark.Platform.Mqtt;

namespace SmartPark.Dashboard;

/// <summary>Section <c>Dashboard</c>.</summary>
public sealed class DashboardOptions
{
    public const string Section = "Dashboard";

    /// <summary>Each Dashboard instance subscribes on its own (no shared subscription), so every
    /// instance sees every reading; the client id is made unique per process when left empty.</summary>
    [ValidateObjectMembers]
    public MqttEndpointOptions Broker { get; set; } = new();

    /// <summary>Longest history one request may ask for, so a typo cannot scan years of raw points.</summary>
    /// <summary>JSON file of the people who may sign in (<c>{"users":[{"name","role","parks","passwordHash"}]}</c>);
    /// hash passwords with <c>./smartpark hash-user-password</c>.</summary>
    public string? UsersPath { get; set; }

    /// <summary>How often changed enterprise tiles are pushed to browsers: at most one update per tile per interval.</summary>
    [PositiveDuration]
    public TimeSpan TileInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>How often live readings are pushed: each device's readings since the last push, in one message per interval.</summary>
    [PositiveDuration]
    public TimeSpan ReadingsInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    [PositiveDuration]
    public TimeSpan MaxHistory { get; set; } = TimeSpan.FromDays(2);
}

/// <summary>Section <c>Dashboard</c> checked at start (<see cref="ValidatedOptions"/>).</summary>
[OptionsValidator]
public sealed partial class DashboardOptionsValidator : IValidateOptions<DashboardOptions>;
