namespace SmartPark.Ingest.Notifications;

/// <summary>Registry details of an enterprise that a bureau officer needs to act on an alert.
/// The enterprise registry plugs in here; until then <see cref="NoEnterpriseDirectory"/> answers.</summary>
public interface IEnterpriseDirectory
{
    /// <summary>The enterprise's details, or null when the registry does not know it.</summary>
    EnterpriseDetails? Find(string park, string enterprise);
}

/// <summary>Renovation status as the registry names it (operating, shut_down, relocating, converting, upgraded).</summary>
public sealed record EnterpriseDetails(string Name, string? Industry, string? RenovationStatus);
