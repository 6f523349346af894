using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SmartPark.ParkData.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class EfficiencyEvaluation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Agreements",
                columns: table => new
                {
                    ParkId = table.Column<string>(type: "TEXT", nullable: false),
                    EnterpriseId = table.Column<string>(type: "TEXT", nullable: false),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    SignedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    InvestmentMade = table.Column<double>(type: "REAL", nullable: true),
                    InvestmentIntensityTarget = table.Column<double>(type: "REAL", nullable: true),
                    OutputPerMuTarget = table.Column<double>(type: "REAL", nullable: true),
                    TaxPerMuTarget = table.Column<double>(type: "REAL", nullable: true),
                    EnergyPerOutputTarget = table.Column<double>(type: "REAL", nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Agreements", x => new { x.ParkId, x.EnterpriseId });
                    table.ForeignKey(
                        name: "FK_Agreements_Enterprises_ParkId_EnterpriseId",
                        columns: x => new { x.ParkId, x.EnterpriseId },
                        principalTable: "Enterprises",
                        principalColumns: new[] { "ParkId", "Id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Economics",
                columns: table => new
                {
                    ParkId = table.Column<string>(type: "TEXT", nullable: false),
                    EnterpriseId = table.Column<string>(type: "TEXT", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    OutputValue = table.Column<double>(type: "REAL", nullable: true),
                    ValueAdded = table.Column<double>(type: "REAL", nullable: true),
                    Revenue = table.Column<double>(type: "REAL", nullable: true),
                    TaxPaid = table.Column<double>(type: "REAL", nullable: true),
                    Employees = table.Column<int>(type: "INTEGER", nullable: true),
                    RdSpending = table.Column<double>(type: "REAL", nullable: true),
                    Standing = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Economics", x => new { x.ParkId, x.EnterpriseId, x.Year });
                    table.ForeignKey(
                        name: "FK_Economics_Enterprises_ParkId_EnterpriseId",
                        columns: x => new { x.ParkId, x.EnterpriseId },
                        principalTable: "Enterprises",
                        principalColumns: new[] { "ParkId", "Id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "EfficiencySchemes",
                columns: table => new
                {
                    JurisdictionId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    FromYear = table.Column<int>(type: "INTEGER", nullable: false),
                    Document = table.Column<string>(type: "TEXT", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EfficiencySchemes", x => new { x.JurisdictionId, x.FromYear });
                    table.ForeignKey(
                        name: "FK_EfficiencySchemes_Jurisdictions_JurisdictionId",
                        column: x => x.JurisdictionId,
                        principalTable: "Jurisdictions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MeterReplacements",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ParkId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    DeviceId = table.Column<string>(type: "TEXT", nullable: false),
                    SensorId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Quantity = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ReplacedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    OldFinalReading = table.Column<double>(type: "REAL", nullable: false),
                    NewInitialReading = table.Column<double>(type: "REAL", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeterReplacements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MeterReplacements_Devices_DeviceId",
                        column: x => x.DeviceId,
                        principalTable: "Devices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Economics_Year",
                table: "Economics",
                column: "Year");

            migrationBuilder.CreateIndex(
                name: "IX_MeterReplacements_DeviceId_ReplacedAt",
                table: "MeterReplacements",
                columns: new[] { "DeviceId", "ReplacedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Agreements");

            migrationBuilder.DropTable(
                name: "Economics");

            migrationBuilder.DropTable(
                name: "EfficiencySchemes");

            migrationBuilder.DropTable(
                name: "MeterReplacements");
        }
    }
}
