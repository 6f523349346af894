namespace SmartPark.Contracts.Registry;

/// <summary>An enterprise's renovation category (reference/parks.md).</summary>
public static class RenovationStatus
{
    public const string Operating = "operating";
    public const string ShutDown = "shut_down";
    public const string Relocating = "relocating";
    public const string Converting = "converting";
    public const string Upgraded = "upgraded";

    public static IReadOnlyList<string> All { get; } = [Operating, ShutDown, Relocating, Converting, Upgraded];
}
