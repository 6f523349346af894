using Microsoft.Extensions.Options;

namespace SmartPark.Ingest.Notifications;

/// <summary>
/// Checks <c>Bureau:Webhook</c> when Ingest starts (<c>ValidateOnStart</c>): an enabled webhook
/// with a bad address, plain http not explicitly allowed, or a missing or short secret stops the
/// start with the reason, instead of running with alerts that cannot reach the bureau safely.
/// </summary>
public sealed class BureauWebhookOptionsValidator : IValidateOptions<BureauWebhookOptions>
{
    public ValidateOptionsResult Validate(string? name, BureauWebhookOptions options) =>
        options.Enabled && options.Problem() is { } problem
            ? ValidateOptionsResult.Fail($"Bureau webhook misconfigured: {problem}")
            : ValidateOptionsResult.Success;
}
