using System.ComponentModel;

namespace SmartPark.Ingest.Alerts.Rules.Kinds;

/// <summary>
/// A reading compared with the rating of the circuit its sensor watches (the registry's <c>ratedCurrent</c> or
/// <c>nominalVoltage</c>, <see cref="CircuitRatings"/>), as a fraction of it: above <see cref="Above"/> × rating
/// (overload, overvoltage) or below <see cref="Below"/> × rating (undervoltage, a lost phase), for <see cref="For"/>.
/// One rule set serves every circuit, 16 A or 630 A, 220 V or 380 V; a sensor without the rating is not judged.
/// The magnitude is compared, so a meter that signs its current by direction is judged the same.
/// </summary>
public sealed class RatedKind : SeriesKind<RatedState>
{
    private static readonly RuleKindTitles KindTitles = new("额定值比较", "against the rating");

    public override string Name => "rated";

    public override RuleKindTitles Titles => KindTitles;

    [Description("The sensor's registry rating compared with: ratedCurrent (A) or nominalVoltage (V).")]
    public string? Rating { get; set; }

    [Description("A reading above this fraction of the rating raises the alert (1.1: 110 %).")]
    public double? Above { get; set; }

    [Description("A reading below this fraction of the rating raises the alert (0.9: 90 %).")]
    public double? Below { get; set; }

    [Description("The fraction of the rating the alert clears at (at or below it after Above, at or above it after Below; default: the same fraction).")]
    public double? ClearAt { get; set; }

    [Description("Beyond the fraction this long raises the alert (default: the first reading).")]
    public TimeSpan? For { get; set; }

    public override IEnumerable<string> Missing()
    {
        if (Rating is null)
            yield return nameof(Rating);
        if (Above is null && Below is null)
            yield return "Above or Below";
    }

    public override IEnumerable<string> Invalid()
    {
        if (Rating is not null && !CircuitRatings.All.Contains(Rating))
            yield return $"Rating is {string.Join(" or ", CircuitRatings.All)}, not '{Rating}'";
        if (Above is not null && Below is not null)
            yield return "one direction per rule: Above or Below, not both";
        if (Above <= 0 || Below <= 0 || ClearAt <= 0)
            yield return "fractions of the rating are above 0";
        if (ClearAt > Above || ClearAt < Below)
            yield return "ClearAt lies on the safe side of the fraction that raises";
        if (For < TimeSpan.Zero)
            yield return "For cannot be negative";
    }

    protected override Verdict OnReading(in SeriesReading reading, RatedState state)
    {
        if (reading.Registry.RatingOf(reading.Device, reading.Sensor, Rating!) is not { } rating)
        {
            state.BeyondSinceTs = null;
            return new(false, reading.Value);
        }
        var fraction = Math.Abs(reading.Value) / rating;
        var beyond = Above is { } above ? fraction > above : fraction < Below!.Value;
        var cleared = Above is not null ? fraction <= (ClearAt ?? Above.Value) : fraction >= (ClearAt ?? Below!.Value);
        if (!beyond)
        {
            // In the deadband the alert keeps its state, but the time beyond starts again.
            state.BeyondSinceTs = null;
            return new(cleared ? false : null, reading.Value);
        }
        state.BeyondSinceTs ??= reading.Ts;
        var held = reading.Ts - state.BeyondSinceTs.Value >= (long)(For ?? TimeSpan.Zero).TotalMilliseconds;
        return new(held ? true : null, reading.Value);
    }
}

/// <summary>Since when (Unix ms) the readings have stayed beyond the rule's fraction of the rating.</summary>
public sealed class RatedState : RuleState
{
    public long? BeyondSinceTs { get; set; }
}
