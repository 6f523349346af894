namespace SmartPark.Contracts.Registry;

/// <summary>An enterprise's rectangle on the park plan, in the plan's own units (the dashboard draws it as SVG).</summary>
public sealed record PlanRect : RegistryNode
{
    public double X { get; init; }
    public double Y { get; init; }
    public double Width { get; init; }
    public double Height { get; init; }
}
