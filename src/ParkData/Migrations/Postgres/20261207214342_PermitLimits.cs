using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SmartPark.ParkData.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PermitLimits : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PermitLimits",
                columns: table => new
                {
                    ParkId = table.Column<string>(type: "character varying(64)", nullable: false),
                    EnterpriseId = table.Column<string>(type: "character varying(64)", nullable: false),
                    Quantity = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Limit = table.Column<double>(type: "double precision", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PermitLimits", x => new { x.ParkId, x.EnterpriseId, x.Quantity });
                    table.ForeignKey(
                        name: "FK_PermitLimits_Enterprises_ParkId_EnterpriseId",
                        columns: x => new { x.ParkId, x.EnterpriseId },
                        principalTable: "Enterprises",
                        principalColumns: new[] { "ParkId", "Id" },
                        onDelete: ReferentialAction.Cascade);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PermitLimits");
        }
    }
}
