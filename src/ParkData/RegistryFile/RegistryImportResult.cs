using SmartPark.Contracts.Registry;

namespace SmartPark.ParkData.RegistryFile;

/// <summary>
/// What an import did: nothing and every problem (by line; line 0 for one of the database as a
/// whole), or the rows it created, updated and deleted (as many audit entries). All zero: the
/// database already said what the file says.
/// </summary>
public sealed record RegistryImportResult(IReadOnlyList<RegistryError> Errors, int Created, int Updated, int Deleted)
{
    public bool Succeeded => Errors.Count == 0;

    public static RegistryImportResult Failed(IReadOnlyList<RegistryError> errors) => new(errors, 0, 0, 0);
}
