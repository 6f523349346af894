using Microsoft.Extensions.Options;

namespace SmartPark.Ingest.Notifications;

/// <summary>
/// Checks a sink's section when Ingest starts (<c>ValidateOnStart</c>): an enabled sink with a bad
/// address, plain http not explicitly allowed, or missing credentials stops the start with the
/// reason, instead of running with alerts that cannot reach their receiver safely.
/// </summary>
public sealed class AlertSinkOptionsValidator<TOptions> : IValidateOptions<TOptions>
    where TOptions : AlertSinkOptions
{
    public ValidateOptionsResult Validate(string? name, TOptions options) =>
        options.Enabled && options.Problem() is { } problem
            ? ValidateOptionsResult.Fail($"{options.Title} misconfigured: {problem}")
            : ValidateOptionsResult.Success;
}
