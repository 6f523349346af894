namespace SmartPark.Dashboard.Rectification;

/// <summary>Settings of rectification orders (section <c>Rectification</c>).</summary>
public sealed class RectificationOptions
{
    public const string Section = "Rectification";

    /// <summary>Where evidence files are kept, outside the web root (created 0700): <c>data/evidence</c>.</summary>
    public string EvidenceDirectory { get; set; } = "data/evidence";

    /// <summary>The largest evidence file accepted: 10 MiB (a phone's photo is 2–6 MB).</summary>
    public long MaxEvidenceBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>How many files one upload may carry.</summary>
    public int MaxFilesPerUpload { get; set; } = 6;

    /// <summary>How long an enterprise's reply link works after it is issued: 14 days.</summary>
    public TimeSpan ReplyLinkLifetime { get; set; } = TimeSpan.FromDays(14);

    /// <summary>Requests to the reply API per client address and <see cref="ReplyWindow"/> (a guessing script is stopped long before it could find a token).</summary>
    public int ReplyRequestsPerAddress { get; set; } = 30;

    public TimeSpan ReplyWindow { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>The address the reply link starts with (<c>https://park.example.cn</c>); unset: the address the operator's browser used.</summary>
    public string? PublicUrl { get; set; }
}
