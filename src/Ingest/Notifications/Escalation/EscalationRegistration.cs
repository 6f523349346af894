using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace SmartPark.Ingest.Notifications.Escalation;

public static class EscalationRegistration
{
    /// <summary>
    /// Escalation of unacknowledged alarms (section <c>Notifications:Escalation</c>) through the
    /// people sinks: the alert engine's <see cref="IAlertNotifier"/> becomes <see cref="EscalatingNotifier"/>,
    /// and <see cref="Escalator"/> runs its timer. Registered after the sinks; it does nothing (and
    /// opens no file) while no email or SMS channel is enabled.
    /// </summary>
    public static IServiceCollection AddEscalation(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<EscalationOptions>(configuration.GetSection(EscalationOptions.SectionName));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<EscalationOptions>, EscalationOptionsValidator>());
        services.AddOptions<EscalationOptions>().ValidateOnStart();
        services.TryAddSingleton<Escalator>();
        services.AddHostedService(sp => sp.GetRequiredService<Escalator>());
        services.Replace(ServiceDescriptor.Singleton<IAlertNotifier, EscalatingNotifier>());
        return services;
    }
}

/// <summary>Refuses to start with escalation settings that name no severity or a negative time.</summary>
public sealed class EscalationOptionsValidator : IValidateOptions<EscalationOptions>
{
    public ValidateOptionsResult Validate(string? name, EscalationOptions options) =>
        options.Problem() is { } problem ? ValidateOptionsResult.Fail($"Escalation misconfigured: {problem}") : ValidateOptionsResult.Success;
}
