using SmartPark.Dashboard.Efficiency.Consumption;
using SmartPark.Dashboard.Efficiency.Evaluation;
using SmartPark.Dashboard.Efficiency.Export;
using SmartPark.Dashboard.Efficiency.Inputs;
using SmartPark.Dashboard.Efficiency.LoadProfile;
using SmartPark.Dashboard.Efficiency.Schemes;
using SmartPark.Dashboard.Supervision;
using SmartPark.Efficiency.StandardCoal;
using SmartPark.Platform.Hosting;

namespace SmartPark.Dashboard.Efficiency;

/// <summary>
/// Energy and land-use efficiency in the Dashboard: the stored consumption's reader, standard coal,
/// the evaluation's pages and APIs. One registration and one mapping, called from DashboardApp;
/// each part of the feature adds its line here.
/// </summary>
public static class EfficiencySetup
{
    public static IServiceCollection AddEfficiency(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StandardCoalOptions>()
            .Bind(configuration.GetSection(StandardCoalOptions.Section))
            .ValidateOnStartWith<StandardCoalOptions, StandardCoalOptionsValidator>(StandardCoalOptions.Section);
        services.AddSingleton(sp => new StandardCoalConverter(sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<StandardCoalOptions>>().Value));
        services.AddTransient<ConsumptionReader>();
        services.AddTransient<ParkEnterprises>();
        services.AddTransient<Reports.ParkEnergyReader>();
        services.AddTransient<EnterpriseFactsReader>();
        services.AddTransient<EfficiencyEvaluationService>();
        return services;
    }

    public static IEndpointRouteBuilder MapEfficiency(this IEndpointRouteBuilder app)
    {
        app.MapEfficiencyEvaluation();
        app.MapEfficiencyInputs();
        // The scheme lives in the park database: without one its paths are 404, as supervision's are.
        if (app.ServiceProvider.HasParkDatabase())
            app.MapEfficiencySchemes();
        app.MapLoadProfile();
        app.MapConsumption();
        app.MapEfficiencyExport();
        return app;
    }
}
