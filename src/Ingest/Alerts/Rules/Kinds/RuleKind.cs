using System.ComponentModel;
using System.Reflection;

namespace SmartPark.Ingest.Alerts.Rules.Kinds;

/// <summary>
/// One kind of alert rule; an instance is one rule's settings of that kind. The settings are the
/// kind's own public properties, bound from the same <c>Alerts:Rules</c> entry as the fields every
/// rule has (<see cref="AlertRule"/>), so a rule is still written as one flat entry. A kind judges
/// at one scope: a series (<see cref="SeriesKind"/>), a device (<see cref="DeviceKind"/>) or an
/// enterprise (<see cref="EnterpriseKind"/>). Every kind is listed once, in <see cref="RuleKinds.All"/>.
/// </summary>
public abstract class RuleKind
{
    /// <summary>The name rules use in <c>Kind</c> and alert documents carry.</summary>
    public abstract string Name { get; }

    /// <summary>What the Dashboard calls the kind, in Chinese and English.</summary>
    public abstract RuleKindTitles Titles { get; }

    /// <summary>Series kinds watch one quantity; device and enterprise kinds need none.</summary>
    public virtual bool NeedsQuantity => true;

    /// <summary>The settings this rule lacks, by their configuration names.</summary>
    public abstract IEnumerable<string> Missing();

    /// <summary>Settings present but unusable (a window of zero, a negative rise).</summary>
    public virtual IEnumerable<string> Invalid() => [];

    /// <summary>The limit an alert document shows (and the bureau is told of).</summary>
    public virtual double? AlertLimit => null;

    /// <summary>The unit of the value an alert shows, given the quantity's unit.</summary>
    public virtual string? AlertUnit(string? quantityUnit) => quantityUnit;

    /// <summary>The period the compared value is averaged over; null for single readings.</summary>
    public virtual TimeSpan? Averaging => null;

    public RuleKind Clone() => (RuleKind)MemberwiseClone();

    /// <summary>Blank settings of the same kind, for a rule configuration names by kind alone.</summary>
    public RuleKind NewSettings() => (RuleKind)Activator.CreateInstance(GetType())!;

    /// <summary>The settings a rule of this kind takes: the kind's own public read-write properties, and
    /// the described ones of an abstract base that kinds share (the treatment kinds' settings).</summary>
    public IReadOnlyList<PropertyInfo> SettingProperties() =>
        [.. GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite && p.CanRead && p.DeclaringType != typeof(RuleKind)
                && (!p.DeclaringType!.IsAbstract || p.GetCustomAttribute<DescriptionAttribute>() is not null))];

    /// <summary>What a property's <see cref="DescriptionAttribute"/> says.</summary>
    public static string DescriptionOf(PropertyInfo property) =>
        property.GetCustomAttribute<DescriptionAttribute>()?.Description ?? "";
}

/// <summary>A kind's name as people read it.</summary>
public sealed record RuleKindTitles(string Zh, string En);

/// <summary>A rule's verdict: <see cref="Met"/> null means "no verdict, keep the last one";
/// <see cref="Value"/> is what an alert would show.</summary>
public readonly record struct Verdict(bool? Met, double? Value)
{
    public static Verdict None => default;
}
