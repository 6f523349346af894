using SmartPark.Contracts.Registry;

namespace SmartPark.ParkData.RegistryFile;

/// <summary>
/// A registry file as the park database reads it: the runtime registry (what Ingest would load),
/// the supervision keys beside it, and every problem in either, by line. Usable only when
/// <see cref="Errors"/> is empty.
/// </summary>
public sealed record RegistryFileContent(ParkRegistry Registry, SupervisionFieldReader Supervision, IReadOnlyList<RegistryError> Errors)
{
    /// <summary>Reads and checks a registry file's text: the runtime's shape and rules, then the supervision keys, in one pass.</summary>
    public static RegistryFileContent Read(TextReader text)
    {
        var supervision = new SupervisionFieldReader();
        var (registry, shapeErrors) = RegistryReader.Read(text, supervision);
        var errors = shapeErrors.Concat(RegistryValidator.Validate(registry)).OrderBy(e => e.Line).ToList();
        return new RegistryFileContent(registry, supervision, errors);
    }
}
