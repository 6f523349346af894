using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace SmartPark.ParkData.Conventions;

/// <summary>
/// Every <see cref="DateTime"/> in the park database is UTC, on both providers. PostgreSQL's
/// <c>timestamp with time zone</c> reads back as <see cref="DateTimeKind.Utc"/> and refuses to
/// write any other kind; SQLite keeps text and reads back <see cref="DateTimeKind.Unspecified"/>.
/// This makes them agree: written as UTC (a local time converted, an unspecified one taken as
/// UTC, which is what every writer here means) and read back marked UTC.
/// </summary>
internal sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    value => ToUtc(value),
    value => DateTime.SpecifyKind(value, DateTimeKind.Utc))
{
    private static DateTime ToUtc(DateTime value) => value.Kind switch
    {
        DateTimeKind.Utc => value,
        DateTimeKind.Local => value.ToUniversalTime(),
        _ => DateTime.SpecifyKind(value, DateTimeKind.Utc),
    };
}
