namespace SmartPark.Contracts.Registry;

/// <summary>Reads and validates a registry file; throws <see cref="RegistryException"/> with every problem.</summary>
public static class RegistryLoader
{
    public static ParkRegistry Load(string path)
    {
        using var reader = new StreamReader(path);
        return Parse(reader, path);
    }

    public static ParkRegistry Parse(string yaml, string source = "registry")
    {
        using var reader = new StringReader(yaml);
        return Parse(reader, source);
    }

    private static ParkRegistry Parse(TextReader text, string source)
    {
        var (registry, shapeErrors) = RegistryReader.Read(text);
        var errors = shapeErrors.Concat(RegistryValidator.Validate(registry)).OrderBy(e => e.Line).ToList();
        return errors.Count == 0 ? registry : throw new RegistryException(source, errors);
    }
}
