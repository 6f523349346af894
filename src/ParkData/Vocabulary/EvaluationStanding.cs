namespace SmartPark.ParkData.Vocabulary;

/// <summary>
/// Whether an enterprise's evaluation gives it a grade (efficiency.md): enterprises too new to
/// judge on a year's figures and those the district exempts (public utilities, tax-incentive
/// cases) are evaluated, and their indicators shown, but not ranked into a grade.
/// </summary>
public static class EvaluationStanding
{
    public const string Graded = "graded";

    /// <summary>新建/投产未满一年: started production within the evaluation year or the one before.</summary>
    public const string New = "new";

    /// <summary>豁免: exempted by the district.</summary>
    public const string Exempt = "exempt";

    public static IReadOnlyList<string> All { get; } = [Graded, New, Exempt];
}
