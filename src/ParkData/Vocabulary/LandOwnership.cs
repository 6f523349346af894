namespace SmartPark.ParkData.Vocabulary;

/// <summary>Whose land a village park stands on (both plans count both kinds).</summary>
public static class LandOwnership
{
    /// <summary>村集体土地: collective land.</summary>
    public const string Collective = "collective";

    /// <summary>村集体使用的国有土地: state land the collective uses.</summary>
    public const string StateUsedByCollective = "state_used_by_collective";

    public static IReadOnlyList<string> All { get; } = [Collective, StateUsedByCollective];
}
