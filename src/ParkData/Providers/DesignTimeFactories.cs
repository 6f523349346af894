using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace SmartPark.ParkData.Providers;

/// <summary>For <c>dotnet ef migrations add … --context SqliteParkDbContext</c> only; never used at run time.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteParkDbContext>
{
    public SqliteParkDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteParkDbContext>().UseSqlite("Data Source=design-time.db").Options);
}

/// <summary>For <c>dotnet ef migrations add … --context PostgresParkDbContext</c> only (no server is contacted).</summary>
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresParkDbContext>
{
    public PostgresParkDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresParkDbContext>().UseNpgsql("Host=127.0.0.1;Database=design_time").Options);
}
