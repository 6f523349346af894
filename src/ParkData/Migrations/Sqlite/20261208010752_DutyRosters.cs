using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SmartPark.ParkData.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DutyRosters : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DutyRosters",
                columns: table => new
                {
                    ParkId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Manager = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    PeopleJson = table.Column<string>(type: "TEXT", nullable: false),
                    ShiftsJson = table.Column<string>(type: "TEXT", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DutyRosters", x => x.ParkId);
                    table.ForeignKey(
                        name: "FK_DutyRosters_Parks_ParkId",
                        column: x => x.ParkId,
                        principalTable: "Parks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DutyRosters");
        }
    }
}
