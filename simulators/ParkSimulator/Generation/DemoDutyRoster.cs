using System.Text;

namespace SmartPark.Simulator.Generation;

/// <summary>
/// The duty roster a generated park gets, so notifications addressed to people and their
/// escalation have someone to reach in a demo: a day and a night shift every day, each naming the
/// other as second, and a manager. The people are made up and unreachable on purpose: mobile
/// numbers +861380000xxxx and addresses under <c>example.invalid</c> (RFC 2606), never a real person's.
/// </summary>
public static class DemoDutyRoster
{
    public const string PhonePrefix = "+861380000";
    public const string EmailDomain = "@example.invalid";

    /// <summary>Appends the park's <c>duty:</c> at the park's indentation (four spaces).</summary>
    public static void Append(StringBuilder yaml)
    {
        yaml.AppendLine("    duty:");
        yaml.AppendLine("      manager: manager");
        yaml.AppendLine("      people:");
        yaml.AppendLine($"        - {{ id: day, name: 白班值班员, phone: \"{PhonePrefix}0001\", email: day{EmailDomain} }}");
        yaml.AppendLine($"        - {{ id: night, name: 夜班值班员, phone: \"{PhonePrefix}0002\", email: night{EmailDomain} }}");
        yaml.AppendLine($"        - {{ id: manager, name: 园区负责人, phone: \"{PhonePrefix}0003\", email: manager{EmailDomain} }}");
        yaml.AppendLine("      shifts:");
        yaml.AppendLine("        - { days: all, from: \"08:00\", until: \"20:00\", people: [day, night] }");
        yaml.AppendLine("        - { days: all, from: \"20:00\", until: \"08:00\", people: [night, day] }");
    }
}
