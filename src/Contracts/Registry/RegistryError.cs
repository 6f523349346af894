namespace SmartPark.Contracts.Registry;

/// <summary>One problem in a registry file, at a line (1-based) an operator can go to.</summary>
public sealed record RegistryError(int Line, string Message)
{
    public override string ToString() => $"line {Line}: {Message}";
}
