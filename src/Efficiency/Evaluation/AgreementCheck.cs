namespace SmartPark.Efficiency.Evaluation;

/// <summary>
/// An enterprise's supervision agreement (监管协议) against the year's figures: investment
/// intensity (investment made ÷ mu), output per mu and tax per mu at least the promise, energy per
/// output at most. A figure that cannot be computed is listed as a breach with no achieved value:
/// the district cannot see the promise kept. An enterprise of standing <c>new</c> is only held to
/// its investment (it is still building or starting up; output, tax and energy come later).
/// </summary>
public static class AgreementCheck
{
    public static IReadOnlyList<AgreementBreach> Check(EnterpriseFacts facts, IReadOnlyDictionary<string, double?> indicators)
    {
        if (facts.Agreement is not { } agreement)
        {
            return [];
        }
        var isNew = facts.Standing == NotGradedReasons.New;
        var breaches = new List<AgreementBreach>();
        AtLeast(IndicatorCatalogue.InvestmentIntensity, agreement.InvestmentIntensityTarget);
        if (!isNew)
        {
            AtLeast(IndicatorCatalogue.OutputPerMu, agreement.OutputPerMuTarget);
            AtLeast(IndicatorCatalogue.TaxPerMu, agreement.TaxPerMuTarget);
            if (agreement.EnergyPerOutputTarget is { } most)
            {
                var achieved = indicators.GetValueOrDefault(IndicatorCatalogue.EnergyPerOutput);
                if (achieved is not { } value || value > most)
                {
                    breaches.Add(new(facts.ParkId, facts.EnterpriseId, IndicatorCatalogue.EnergyPerOutput, most, achieved));
                }
            }
        }
        return breaches;

        void AtLeast(string indicator, double? promised)
        {
            if (promised is not { } least)
            {
                return;
            }
            var achieved = indicators.GetValueOrDefault(indicator);
            if (achieved is not { } value || value < least)
            {
                breaches.Add(new(facts.ParkId, facts.EnterpriseId, indicator, least, achieved));
            }
        }
    }
}
