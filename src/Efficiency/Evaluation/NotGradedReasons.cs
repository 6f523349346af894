namespace SmartPark.Efficiency.Evaluation;

/// <summary>
/// Why an enterprise is evaluated but not graded (<see cref="EnterpriseEvaluation.NotGradedReason"/>).
/// New and exempt enterprises get their indicators, their score when their data allow one, and the
/// scheme's not-graded tier; those missing land, economics or (when their indicators need it)
/// metered energy get their indicators only, no score and no tier: their data must come first.
/// </summary>
public static class NotGradedReasons
{
    /// <summary>Standing <c>new</c>: started production in the year or the one before.</summary>
    public const string New = "new";

    /// <summary>Standing <c>exempt</c>: exempted by the district (public utility, tax incentive...).</summary>
    public const string Exempt = "exempt";

    /// <summary>No land area recorded: nothing per mu can be computed.</summary>
    public const string NoLand = "no-land";

    /// <summary>No economic figures for the year.</summary>
    public const string NoEconomics = "no-economics";

    /// <summary>The enterprise's indicators need energy, and no meter of it reported in the year.</summary>
    public const string NoEnergy = "no-energy";

    public static readonly IReadOnlyList<string> All = [New, Exempt, NoLand, NoEconomics, NoEnergy];

    /// <summary>Whether the reason is the enterprise's standing (the district does not grade it) rather than missing data.</summary>
    public static bool IsStanding(string reason) => reason is New or Exempt;
}
