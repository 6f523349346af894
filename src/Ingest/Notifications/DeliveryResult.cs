namespace SmartPark.Ingest.Notifications;

/// <summary>The outcome of one POST. <see cref="Misconfigured"/> marks answers that retrying alone
/// will not fix (a redirect, which is never followed; 4xx other than 408/429): still retried, so nothing is lost, but logged as errors.</summary>
public sealed record DeliveryResult(bool Delivered, int? StatusCode, string Reason, bool Misconfigured, TimeSpan? RetryAfter)
{
    public static DeliveryResult Ok(int status) => new(true, status, "ok", false, null);
}
