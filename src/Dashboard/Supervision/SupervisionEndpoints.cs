using SmartPark.Dashboard.Auth;
using SmartPark.Dashboard.Efficiency.Schemes;
using SmartPark.Dashboard.Supervision.Map;
using SmartPark.Dashboard.Supervision.Monitoring;
using SmartPark.Dashboard.Supervision.Projects;
using SmartPark.Dashboard.Supervision.Views;

namespace SmartPark.Dashboard.Supervision;

/// <summary>
/// Renovation supervision: projects, monitoring status, the park, district and city views. Mapped
/// only with a park database (<see cref="ParkDatabaseSetup"/>); without one these paths are 404.
/// </summary>
public static class SupervisionEndpoints
{
    public const string ParkApiPrefix = "/api/supervision/parks/{park}";

    public static IServiceCollection AddSupervisionViews(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<MapOptions>(configuration.GetSection(MapOptions.Section));
        services.AddSingleton<ParkMonitor>();
        services.AddTransient<QuarterExceedances>();
        services.AddTransient<MonitoringQuery>();
        return services;
    }

    public static IEndpointRouteBuilder MapSupervision(this IEndpointRouteBuilder app)
    {
        if (!app.ServiceProvider.HasParkDatabase())
            return app;
        var parkApi = app.MapGroup(ParkApiPrefix);
        parkApi.MapProjects();
        app.MapSupervisionViews(parkApi);
        app.MapEfficiencySchemes();
        return app;
    }

    /// <summary>Where a supervisor lands after signing in without a page to return to: their district's or city's view; null for everyone else.</summary>
    public static string? Landing(DashboardUser user) => user.Role switch
    {
        DashboardRoles.District when user.District is { Length: > 0 } district => $"/supervision/districts/{Uri.EscapeDataString(district)}",
        DashboardRoles.City when user.City is { Length: > 0 } city => $"/supervision/cities/{Uri.EscapeDataString(city)}",
        _ => null,
    };
}
