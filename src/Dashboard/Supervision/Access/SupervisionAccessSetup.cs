using Microsoft.AspNetCore.Authentication;
using SmartPark.Dashboard.Auth;
using SmartPark.Dashboard.Supervision.Duty;
using SmartPark.Dashboard.Supervision.Editing;
using SmartPark.Dashboard.Supervision.Users;
using SmartPark.ParkData;

namespace SmartPark.Dashboard.Supervision.Access;

/// <summary>
/// Wires who sees what for district and city officials (always: without a park database their
/// districts come from the registry), and, with a park database, the users in it (imported once
/// from the users file), the admin's user page and the park edit page with their APIs.
/// </summary>
public static class SupervisionAccessSetup
{
    /// <summary>Call after <c>AddDashboardParkDatabase</c>, so the users import runs after the migration.</summary>
    public static IServiceCollection AddSupervisionAccess(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<ParkDirectory>();
        services.AddTransient<IClaimsTransformation, SupervisedParksClaims>();
        if (string.IsNullOrWhiteSpace(configuration[$"{ParkDatabaseOptions.Section}:ConnectionString"]))
            return services;
        services.AddSingleton<DatabaseUsers>();
        services.AddHostedService<UsersFileImport>();
        return services;
    }

    public static IEndpointRouteBuilder MapSupervisionAccess(this IEndpointRouteBuilder app)
    {
        if (!app.ServiceProvider.HasParkDatabase())
            return app;
        app.MapParkEditing();
        app.MapDutyRoster();
        app.MapUserAdmin();
        app.MapParkGroup("/supervision/parks/{park}").MapGet("/edit", (IWebHostEnvironment env) =>
            Results.File(Path.Combine(env.WebRootPath, "supervision", "park-edit.html"), "text/html; charset=utf-8"));
        app.MapGet("/supervision/users", (IWebHostEnvironment env) =>
            Results.File(Path.Combine(env.WebRootPath, "supervision", "users.html"), "text/html; charset=utf-8"))
            .RequireAuthorization(p => p.RequireRole(DashboardRoles.Admin));
        return app;
    }
}
