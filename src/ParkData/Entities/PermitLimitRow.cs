namespace SmartPark.ParkData.Entities;

/// <summary>
/// One limit of an enterprise's discharge permit (排污许可证): a catalogue quantity (a pollutant,
/// its converted concentration or its emission rate, e.g. <c>nox_converted</c>) and the value, in
/// that quantity's unit, its readings may not exceed there. Ingest's rule on the same quantity
/// uses it instead of its default limit at this enterprise (a permit's limit wins), so it is a
/// registry row: a change moves the registry revision. Its key is (park, enterprise, quantity):
/// a permit sets one limit per quantity, as the registry's <c>limits:</c> mapping does.
/// </summary>
/// <remarks>
/// No averaging note: the averaging period is the rule's (hourly for flue gas, a rolling two hours
/// for wastewater), and a note the registry YAML cannot carry would be lost by an export and
/// re-import, which makes the file the whole truth.
/// </remarks>
public sealed class PermitLimitRow : IVersioned, IAudited, IRegistryRow
{
    public required string ParkId { get; set; }
    public required string EnterpriseId { get; set; }

    /// <summary>The catalogue quantity the limit is on (<c>nox_converted</c>, <c>cod</c>, <c>benzene_rate</c>).</summary>
    public required string Quantity { get; set; }

    /// <summary>The permitted value, in the quantity's catalogue unit (mg/m³, mg/L, kg/h).</summary>
    public double Limit { get; set; }

    public long Version { get; set; }

    public Enterprise? Enterprise { get; set; }

    public string AuditKey => $"permit-limit:{ParkId}/{EnterpriseId}/{Quantity}";
}
