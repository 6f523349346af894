using SmartPark.Dashboard.Auth;
using SmartPark.Dashboard.Supervision;

namespace SmartPark.Dashboard.Efficiency.Inputs;

/// <summary>
/// The efficiency evaluation's inputs, with a park database only: economic figures (web and
/// sheet), supervision agreements and meter replacements. District-wide endpoints decide access on
/// the district (<see cref="SupervisionAccess"/>); everything of one park is under
/// <c>/api/efficiency/parks/{park}</c>, refused (403) to whoever may not see the park before any
/// body is read, and then checked on the park's row (<see cref="EfficiencyInputsAccess"/>).
/// The pages (<c>wwwroot/efficiency/inputs.html</c>, <c>meters.html</c>) are static shells.
/// </summary>
public static class EfficiencyInputsSetup
{
    public static IEndpointRouteBuilder MapEfficiencyInputs(this IEndpointRouteBuilder app)
    {
        if (!app.ServiceProvider.HasParkDatabase())
            return app;
        var park = app.MapParkGroup("/api/efficiency/parks/{park}");
        EconomicsEndpoints.MapEconomics(app, park);
        EconomicsSheetEndpoints.MapEconomicsSheets(app);
        AgreementEndpoints.MapAgreements(park);
        MeterReplacementEndpoints.MapMeterReplacements(park);
        return app;
    }
}
