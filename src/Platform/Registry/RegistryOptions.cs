namespace SmartPark.Platform.Registry;

/// <summary>Section <c>Registry</c>.</summary>
public sealed class RegistryOptions
{
    public const string Section = "Registry";

    /// <summary>The registry YAML file. Unset: no authentication and any device accepted (development, old tests).</summary>
    public string? Path { get; set; }

    /// <summary>How long the file must stay quiet before a change is loaded (editors write in several steps).</summary>
    public TimeSpan ReloadDelay { get; set; } = TimeSpan.FromMilliseconds(500);
}
