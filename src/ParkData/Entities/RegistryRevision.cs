namespace SmartPark.ParkData.Entities;

/// <summary>
/// One row whose <see cref="Number"/> goes up in every transaction that changes a registry row
/// (<see cref="IRegistryRow"/>). Services poll it (a one-row read) and rebuild the registry
/// when it moves, so an edit on the web reaches the broker and the rules within seconds on
/// SQLite and PostgreSQL alike, with no notification channel to keep alive.
/// </summary>
public sealed class RegistryRevision
{
    public const int SingletonId = 1;
    public int Id { get; set; } = SingletonId;
    public long Number { get; set; }
    public DateTime ChangedAt { get; set; }
}
