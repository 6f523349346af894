using System.ComponentModel.DataAnnotations;

namespace SmartPark.Platform.Hosting;

/// <summary>
/// A <see cref="TimeSpan"/> setting that must be more than zero (an interval, a timeout, a delay
/// between retries): zero or negative would spin, never wait, or fail every call. Checked by the
/// source-generated options validators without reflection, so also in the NativeAOT agent.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class PositiveDurationAttribute : ValidationAttribute
{
    public PositiveDurationAttribute()
        : base("{0} must be more than zero")
    {
    }

    public override bool IsValid(object? value) => value is not TimeSpan span || span > TimeSpan.Zero;
}
