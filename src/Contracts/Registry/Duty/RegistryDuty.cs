namespace SmartPark.Contracts.Registry.Duty;

/// <summary>
/// A park's duty roster (值班表), YAML <c>duty:</c> under a park: the people who can be reached,
/// the shifts that say who is on duty when, and the park's manager, the last step of every
/// escalation. Notifications addressed to people (email, SMS) and the escalation of unacknowledged
/// critical alarms follow it (<see cref="DutyRoster.ChainAt"/>).
/// </summary>
/// <example>
/// duty:
///   manager: li
///   people:
///     - { id: zhang, name: 张工, phone: "+8613800000001", email: zhang@park.example }
///     - { id: li, name: 李经理, phone: "+8613800000003" }
///   shifts:
///     - { days: [mon, tue, wed, thu, fri], from: "08:00", until: "18:00", people: [zhang, wang] }
///     - { days: all, from: "18:00", until: "08:00", people: [wang] }
/// </example>
public sealed record RegistryDuty : RegistryNode
{
    public IReadOnlyList<RegistryDutyPerson> People { get; init; } = [];

    /// <summary>The id of the person (in <see cref="People"/>) who answers for the park: told last, when nobody on duty acknowledged.</summary>
    public string? Manager { get; init; }

    public IReadOnlyList<RegistryDutyShift> Shifts { get; init; } = [];
}

/// <summary>Someone on a park's roster and how to reach them; at least one of phone and email.</summary>
public sealed record RegistryDutyPerson : RegistryNode
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    /// <summary>Mobile number for SMS, E.164 (<c>+8613800000001</c>); a Chinese mobile without +86 is accepted and stored with it.</summary>
    public string? Phone { get; init; }
    public string? Email { get; init; }
}

/// <summary>
/// A shift: on these <see cref="Days"/>, from <see cref="From"/> to <see cref="Until"/> China
/// Standard Time (a shift whose end is not after its start runs past midnight and belongs to the
/// day it starts), <see cref="People"/> are on duty, in the order alarms escalate through them.
/// </summary>
public sealed record RegistryDutyShift : RegistryNode
{
    public IReadOnlyList<DayOfWeek> Days { get; init; } = [];
    public TimeOnly From { get; init; }
    public TimeOnly Until { get; init; }
    public IReadOnlyList<string> People { get; init; } = [];
}
