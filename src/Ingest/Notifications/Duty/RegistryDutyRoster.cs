using SmartPark.Contracts.Registry.Duty;
using SmartPark.Platform.Registry;

namespace SmartPark.Ingest.Notifications.Duty;

/// <summary>The duty roster of the registry in force (park database or file), so an edit on the Dashboard
/// changes who is called within a second, like every other registry change.</summary>
public sealed class RegistryDutyRoster(RegistryProvider? registry = null) : IDutyRoster
{
    public IReadOnlyList<DutyRecipient> ChainAt(string park, DateTimeOffset at)
    {
        var duty = registry?.Current?.Parks.FirstOrDefault(p => p.Id == park)?.Duty;
        if (duty is null)
            return [];
        var chain = DutyRoster.ChainAt(duty, at);
        return [.. chain.Select((person, level) => new DutyRecipient(park, person.Id, person.Name, person.Phone, person.Email, level, person.Id == duty.Manager))];
    }
}
