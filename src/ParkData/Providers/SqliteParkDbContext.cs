using Microsoft.EntityFrameworkCore;

namespace SmartPark.ParkData.Providers;

/// <summary>The park database on SQLite (the embedded default); its migrations are in <c>Migrations/Sqlite</c>.</summary>
public sealed class SqliteParkDbContext(DbContextOptions<SqliteParkDbContext> options) : ParkDbContext(options);
