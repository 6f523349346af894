namespace SmartPark.Contracts.Registry;

/// <summary>
/// A counting meter (<c>Quantity.IsCounter</c>) swapped for another at <see cref="At"/>: the old
/// register's last reading and the new one's first, as the electrician wrote them down. The
/// consumption across the swap is the old meter's rise up to <see cref="OldFinal"/> plus the new
/// meter's rise from <see cref="NewInitial"/>, never the difference of the two registers.
/// </summary>
public sealed record RegistryMeterReplacement(string Quantity, DateTimeOffset At, double OldFinal, double NewInitial);
