namespace SmartPark.ParkData.Entities;

/// <summary>
/// A park's duty roster (值班表, the registry's <c>duty:</c>): one row per park that has one, the
/// whole roster in one versioned row because it is read and replaced whole — who is on duty is
/// the people, their order in each shift and the manager together, and two people editing it must
/// not merge half of each. A registry row: a change moves the registry revision, so Ingest's
/// notifications follow the new roster within a poll. <see cref="Duty.DutyRosterRows"/> converts it.
/// </summary>
/// <remarks>
/// A row is created with version 1, never 0: the Dashboard calls "no roster yet" version 0, so an
/// editor who loaded an empty park cannot overwrite a roster someone created meanwhile. A roster
/// emptied (by the page or by an import without <c>duty:</c>) keeps its row with no people, so the
/// version only ever grows; the registry reads an empty row as no roster.
/// </remarks>
public sealed class DutyRosterRow : IVersioned, IAudited, IRegistryRow
{
    public required string ParkId { get; set; }

    /// <summary>The id (in <see cref="PeopleJson"/>) of the person who answers for the park, told last.</summary>
    public string? Manager { get; set; }

    /// <summary>The people in order, as JSON <c>[{"id":"zhang","name":"张工","phone":"+8613800000001","email":"zhang@park.example"}]</c> (phone and email left out when unset).</summary>
    public string PeopleJson { get; set; } = "[]";

    /// <summary>The shifts in order (the first covering a moment wins), as JSON
    /// <c>[{"days":["mon","tue"],"from":"08:00","until":"18:00","people":["zhang","wang"]}]</c>, China Standard Time.</summary>
    public string ShiftsJson { get; set; } = "[]";

    public long Version { get; set; } = 1;

    public Park? Park { get; set; }

    public string AuditKey => $"duty:{ParkId}";
}
