namespace SmartPark.Contracts.Registry;

/// <summary>
/// The keys a registry file may carry for the park database (the district's supervision data:
/// where a park is, its land and procedures, the programme's decision, its renovation projects;
/// an enterprise's credit code, land and contact). The runtime registry accepts them and passes
/// over them: Ingest, the broker and the Uplink need none, so <see cref="RegistryPark"/> stays
/// lean. The park database reads them (SmartPark.ParkData, <c>RegistryFile/</c>) through
/// <see cref="IRegistryExtraFields"/>. One list here, so a file the database exports always loads.
/// </summary>
public static class RegistrySupervisionKeys
{
    public static IReadOnlyList<string> Park { get; } =
    [
        "township", "villageCollective", "address", "latitude", "longitude", "landOwnership", "landProcedures",
        "inSanjiuMap", "industrialBlock", "planningStatus", "environmentalAssessmentStatus", "category", "batch",
        "decisionDate", "projects",
    ];

    /// <remarks><c>dischargePermit</c> is not here: the runtime reads it (<see cref="RegistryEnterprise.DischargePermit"/>) for the expiry alert.</remarks>
    public static IReadOnlyList<string> Enterprise { get; } = ["creditCode", "landArea", "contactName", "contactPhone"];
}

/// <summary>
/// Reads keys beyond the runtime's from each park and enterprise as <see cref="RegistryReader"/>
/// meets them, with the same line-numbered problems: the park database's import uses it to read
/// the <see cref="RegistrySupervisionKeys">supervision keys</see> in the same pass.
/// </summary>
public interface IRegistryExtraFields
{
    void Park(RegistryPark park, YamlFields fields, List<RegistryError> errors);

    void Enterprise(RegistryEnterprise enterprise, YamlFields fields, List<RegistryError> errors);
}
