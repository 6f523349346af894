using SmartPark.Dashboard.Supervision.Editing;
using SmartPark.ParkData.Entities.Efficiency;
using SmartPark.ParkData.Vocabulary;

namespace SmartPark.Dashboard.Efficiency.Inputs;

/// <summary>
/// One enterprise-year's figures as the page sends them. Every figure is optional (a district
/// fills them in as the bureaus report) but never negative; employees is a whole number (taken as
/// a number here so 12.5 is a field error, not an unreadable body); <see cref="Version"/> is the
/// one the page loaded, null for figures not yet entered (a stored row's first version is 0).
/// </summary>
public sealed record EconomicsForm(
    double? OutputValue,
    double? ValueAdded,
    double? Revenue,
    double? TaxPaid,
    double? Employees,
    double? RdSpending,
    string? Standing,
    long? Version)
{
    /// <summary>More than any enterprise's figure in 万元 (10¹⁰ 万元 = 10¹⁴ CNY): beyond it is a typing slip.</summary>
    public const double MaxMoney = 1e10;

    public const int MaxEmployees = 10_000_000;

    public FieldErrors Validate()
    {
        var errors = new FieldErrors();
        Money(errors, "outputValue", OutputValue);
        Money(errors, "valueAdded", ValueAdded);
        Money(errors, "revenue", Revenue);
        Money(errors, "taxPaid", TaxPaid);
        Money(errors, "rdSpending", RdSpending);
        if (Employees is { } n)
        {
            if (n < 0)
                errors.Add("employees", "negative", "employees cannot be negative");
            else if (n != Math.Floor(n) || n > MaxEmployees)
                errors.Add("employees", "integer", $"employees is a whole number up to {MaxEmployees}");
        }
        errors.OneOf("standing", Standing ?? EvaluationStanding.Graded, EvaluationStanding.All);
        return errors;
    }

    private static void Money(FieldErrors errors, string field, double? value)
    {
        if (value is not { } v)
            return;
        if (v < 0)
            errors.Add(field, "negative", $"{field} cannot be negative");
        else
            errors.Range(field, v, 0, MaxMoney);
    }

    public void ApplyTo(EnterpriseEconomics row, string source)
    {
        row.OutputValue = OutputValue;
        row.ValueAdded = ValueAdded;
        row.Revenue = Revenue;
        row.TaxPaid = TaxPaid;
        row.Employees = Employees is { } n ? (int)n : null;
        row.RdSpending = RdSpending;
        row.Standing = Standing ?? EvaluationStanding.Graded;
        row.Source = source;
    }
}
