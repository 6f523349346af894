using SmartPark.Dashboard.Supervision;
using SmartPark.Dashboard.Supervision.Editing;
using SmartPark.ParkData.Entities.Efficiency;

namespace SmartPark.Dashboard.Efficiency.Inputs;

/// <summary>
/// An enterprise's supervision agreement as the page sends it: the reference and signing date as
/// filed, the investment made so far and the promised targets (each optional: a target the
/// agreement does not set stays null). <see cref="Version"/> is the one loaded, null when none was filed.
/// </summary>
public sealed record AgreementForm(
    string? Reference,
    DateOnly? SignedOn,
    double? InvestmentMade,
    double? InvestmentIntensityTarget,
    double? OutputPerMuTarget,
    double? TaxPerMuTarget,
    double? EnergyPerOutputTarget,
    long? Version)
{
    public FieldErrors Validate(TimeProvider clock)
    {
        var errors = new FieldErrors();
        errors.Length("reference", Reference, 100);
        if (SignedOn is { } signed && (signed.Year < 1980 || signed > SupervisionCalendar.Today(clock)))
            errors.Add("signedOn", "range", "the agreement is signed on a past day, not before 1980");
        NonNegative(errors, "investmentMade", InvestmentMade);
        NonNegative(errors, "investmentIntensityTarget", InvestmentIntensityTarget);
        NonNegative(errors, "outputPerMuTarget", OutputPerMuTarget);
        NonNegative(errors, "taxPerMuTarget", TaxPerMuTarget);
        NonNegative(errors, "energyPerOutputTarget", EnergyPerOutputTarget);
        return errors;
    }

    private static void NonNegative(FieldErrors errors, string field, double? value)
    {
        if (value is < 0)
            errors.Add(field, "negative", $"{field} cannot be negative");
        else
            errors.Range(field, value, 0, EconomicsForm.MaxMoney);
    }

    public void ApplyTo(SupervisionAgreement row)
    {
        row.Reference = string.IsNullOrWhiteSpace(Reference) ? null : Reference.Trim();
        row.SignedOn = SignedOn;
        row.InvestmentMade = InvestmentMade;
        row.InvestmentIntensityTarget = InvestmentIntensityTarget;
        row.OutputPerMuTarget = OutputPerMuTarget;
        row.TaxPerMuTarget = TaxPerMuTarget;
        row.EnergyPerOutputTarget = EnergyPerOutputTarget;
    }
}

/// <summary>An enterprise's agreement as the page shows it; all null (the version too) when none is filed.</summary>
public sealed record AgreementView(
    string ParkId,
    string EnterpriseId,
    bool Filed,
    string? Reference,
    DateOnly? SignedOn,
    double? InvestmentMade,
    double? InvestmentIntensityTarget,
    double? OutputPerMuTarget,
    double? TaxPerMuTarget,
    double? EnergyPerOutputTarget,
    long? Version,
    bool CanEdit)
{
    public static AgreementView Of(string park, string enterprise, SupervisionAgreement? row, bool canEdit) => new(
        park, enterprise, row is not null, row?.Reference, row?.SignedOn, row?.InvestmentMade, row?.InvestmentIntensityTarget,
        row?.OutputPerMuTarget, row?.TaxPerMuTarget, row?.EnergyPerOutputTarget, row?.Version, canEdit);
}
