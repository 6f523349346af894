using Microsoft.EntityFrameworkCore;

namespace SmartPark.ParkData.Providers;

/// <summary>The park database on PostgreSQL (a district or a city); its migrations are in <c>Migrations/Postgres</c>.</summary>
public sealed class PostgresParkDbContext(DbContextOptions<PostgresParkDbContext> options) : ParkDbContext(options);
