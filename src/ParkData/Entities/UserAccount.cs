namespace SmartPark.ParkData.Entities;

/// <summary>
/// A person who signs in to the Dashboard. The password is an ASP.NET Core Identity hash
/// (PBKDF2), never stored in clear. What they see follows <see cref="Role"/>: parks for an
/// operator or a bureau officer, <see cref="DistrictId"/> for a district official, everything
/// for a city official (of <see cref="CityId"/>) or an admin.
/// </summary>
public sealed class UserAccount : IVersioned, IAudited
{
    public required string Name { get; set; }
    public string? DisplayName { get; set; }
    public required string Role { get; set; }

    /// <summary>Park ids, comma-separated (operator, bureau).</summary>
    public string Parks { get; set; } = "";

    public string? DistrictId { get; set; }
    public string? CityId { get; set; }
    public required string PasswordHash { get; set; }
    public bool Disabled { get; set; }
    public long Version { get; set; }

    public string AuditKey => $"user:{Name}";
}
