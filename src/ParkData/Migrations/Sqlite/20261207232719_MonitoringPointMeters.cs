using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SmartPark.ParkData.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class MonitoringPointMeters : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "MetersJson",
                table: "MonitoringPoints",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "MetersJson",
                table: "MonitoringPoints");
        }
    }
}
