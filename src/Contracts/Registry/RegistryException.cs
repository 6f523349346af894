namespace SmartPark.Contracts.Registry;

/// <summary>A registry file that cannot be used, with every problem found in it.</summary>
public sealed class RegistryException : Exception
{
    public RegistryException(string source, IReadOnlyList<RegistryError> errors)
        : base($"{source}: {errors.Count} problem(s):{Environment.NewLine}  " + string.Join(Environment.NewLine + "  ", errors))
    {
        Errors = errors;
    }

    public RegistryException()
        : this("registry", [])
    {
    }

    public RegistryException(string message)
        : base(message)
    {
        Errors = [];
    }

    public RegistryException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [];
    }

    public IReadOnlyList<RegistryError> Errors { get; }
}
