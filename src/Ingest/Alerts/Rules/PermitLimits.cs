using System.Globalization;
using SmartPark.Contracts.Quantities;
using SmartPark.Contracts.Registry;
using SmartPark.Ingest.Alerts.Rules.Kinds;

namespace SmartPark.Ingest.Alerts.Rules;

/// <summary>
/// The version of a rule an enterprise's discharge permit (排污许可证) makes: the same rule, scoped
/// to the enterprise, with the permit's limit on the rule's quantity and the permit cited as its
/// source. A permit is the enterprise's own legal limit, stricter or not than the standard's.
/// </summary>
public static class PermitLimits
{
    /// <summary>The permit's version of <paramref name="rule"/> at an enterprise, or the rule itself when the
    /// permit sets no limit on its quantity (or the rule does not follow permits).</summary>
    /// <param name="rule">The version of the rule in force at the enterprise (or one of its devices).</param>
    /// <param name="park">The enterprise's park.</param>
    /// <param name="enterprise">The enterprise whose permit it is.</param>
    /// <param name="permit">Its permit, if the registry records one.</param>
    /// <param name="overridden">The rule in force is a configured override (park, enterprise or device), whose
    /// Enabled the permit leaves alone; an everywhere default that is off (no standard sets a limit) is
    /// switched on by a permit that does.</param>
    public static AlertRule Apply(AlertRule rule, string park, string enterprise, RegistryDischargePermit? permit, bool overridden)
    {
        if (permit is null || !rule.FollowsPermit || rule.Quantity is null || rule.Settings is not ILimitedKind)
            return rule;
        PermitLimit? found = null;
        foreach (var limit in permit.Limits)
        {
            if (limit.Quantity == rule.Quantity)
            {
                found = limit;
                break;
            }
        }
        if (found is null)
            return rule;
        var version = rule.Clone();
        version.Park = park;
        version.Enterprise = enterprise;
        if (!overridden)
            version.Enabled = true;
        var limited = (ILimitedKind)version.Settings!;
        limited.Limit = found.Limit;
        if (limited.ClearAt > found.Limit)
            limited.ClearAt = null;
        var unit = QuantityCatalogue.TryGet(rule.Quantity, out var quantity) ? " " + quantity.Unit : "";
        version.Source = string.Create(CultureInfo.InvariantCulture, $"排污许可证 {permit.Number}: {rule.Quantity} ≤ {found.Limit}{unit} (in place of: {rule.Source})");
        return version;
    }
}
