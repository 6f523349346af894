namespace SmartPark.ParkData.Rectification;

/// <summary>The states of a rectification order, in the order it normally goes through them.</summary>
public static class RectificationStates
{
    /// <summary>待整改: issued, waiting for the enterprise's reply (or sent back by a rejected verification).</summary>
    public const string Open = "open";

    /// <summary>已回复: the enterprise says it is fixed, with its photos; the operator is to check.</summary>
    public const string Replied = "replied";

    /// <summary>已验证: the operator checked on site that it is fixed.</summary>
    public const string Verified = "verified";

    /// <summary>已销号: closed; no longer counted as a hazard.</summary>
    public const string Closed = "closed";

    public static IReadOnlyList<string> All { get; } = [Open, Replied, Verified, Closed];
}

/// <summary>What a step of an order's history did.</summary>
public static class RectificationActions
{
    public const string Created = "created";
    public const string Replied = "replied";
    public const string Verified = "verified";
    public const string Rejected = "rejected";
    public const string Closed = "closed";

    /// <summary>A reply link was issued to the enterprise (the state does not change).</summary>
    public const string LinkIssued = "link_issued";

    /// <summary>Photos or files added by the operator (the state does not change).</summary>
    public const string EvidenceAdded = "evidence_added";

    public static IReadOnlyList<string> All { get; } = [Created, Replied, Verified, Rejected, Closed, LinkIssued, EvidenceAdded];
}

/// <summary>Where an order came from.</summary>
public static class RectificationSources
{
    public const string Alert = "alert";
    public const string Inspection = "inspection";
    public const string Manual = "manual";

    public static IReadOnlyList<string> All { get; } = [Alert, Inspection, Manual];
}

/// <summary>
/// The kind of hazard, as safety inspections in Guangdong's parks sort them: electrical (电气),
/// combustible or toxic gas (燃气/有毒气体), fire (消防设施、疏散), fire water (消防水), emissions
/// (环保排放), anything else.
/// </summary>
public static class HazardCategories
{
    public const string Electrical = "electrical";
    public const string Gas = "gas";
    public const string Fire = "fire";
    public const string FireWater = "fire-water";
    public const string Emission = "emission";
    public const string Other = "other";

    public static IReadOnlyList<string> All { get; } = [Electrical, Gas, Fire, FireWater, Emission, Other];
}
