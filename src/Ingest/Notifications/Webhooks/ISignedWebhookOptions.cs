namespace SmartPark.Ingest.Notifications.Webhooks;

/// <summary>
/// What a signed webhook's options have (the bureau's, the safety authorities'): the receiver, the
/// shared HMAC key, whether plain http is allowed, and one request's time limit. One sender
/// (<see cref="SignedWebhookSender"/>) and one check (<see cref="SignedWebhookChecks"/>) serve every such sink.
/// </summary>
public interface ISignedWebhookOptions
{
    /// <summary>The receiver. Empty disables the sink.</summary>
    Uri? Url { get; }

    /// <summary>HMAC-SHA256 key shared with the receiver, at least <see cref="SignedWebhookChecks.MinSecretBytes"/> bytes (UTF-8).</summary>
    string? Secret { get; }

    /// <summary>Allow a plain-http <see cref="Url"/> (tests, a receiver on loopback).</summary>
    bool AllowHttp { get; }

    TimeSpan RequestTimeout { get; }
}
