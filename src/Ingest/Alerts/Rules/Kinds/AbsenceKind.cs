using System.ComponentModel;
using SmartPark.Ingest.Alerts.Engine;

namespace SmartPark.Ingest.Alerts.Rules.Kinds;

/// <summary>A device silent for <see cref="Intervals"/> of its usual reporting interval: offline.</summary>
public sealed class AbsenceKind : DeviceKind
{
    private static readonly RuleKindTitles KindTitles = new("设备离线", "device silent");

    public override string Name => "absence";

    public override RuleKindTitles Titles => KindTitles;

    [Description("Silence for this many of the device's usual reporting intervals raises the alert.")]
    public int Intervals { get; set; } = 3;

    [Description("The alert never fires sooner than this, whatever the device's interval.")]
    public TimeSpan MinSilence { get; set; } = TimeSpan.FromSeconds(30);

    public override IEnumerable<string> Missing() => [];

    public override Verdict OnSeen(DeviceMemory device) => new(false, 0);

    public override Verdict OnTick(DeviceMemory device, DateTimeOffset now)
    {
        var silence = now - device.LastSeen;
        var expected = TimeSpan.FromSeconds(device.IntervalSeconds * Intervals);
        var limit = expected > MinSilence ? expected : MinSilence;
        return new(silence > limit, Math.Round(silence.TotalSeconds));
    }
}
