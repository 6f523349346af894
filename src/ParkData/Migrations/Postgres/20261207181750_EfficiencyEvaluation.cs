using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace SmartPark.ParkData.Migrations.Postgres
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
                    ParkId = table.Column<string>(type: "character varying(64)", nullable: false),
                    EnterpriseId = table.Column<string>(type: "character varying(64)", nullable: false),
                    Reference = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    SignedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    InvestmentMade = table.Column<double>(type: "double precision", nullable: true),
                    InvestmentIntensityTarget = table.Column<double>(type: "double precision", nullable: true),
                    OutputPerMuTarget = table.Column<double>(type: "double precision", nullable: true),
                    TaxPerMuTarget = table.Column<double>(type: "double precision", nullable: true),
                    EnergyPerOutputTarget = table.Column<double>(type: "double precision", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
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
                    ParkId = table.Column<string>(type: "character varying(64)", nullable: false),
                    EnterpriseId = table.Column<string>(type: "character varying(64)", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    OutputValue = table.Column<double>(type: "double precision", nullable: true),
                    ValueAdded = table.Column<double>(type: "double precision", nullable: true),
                    Revenue = table.Column<double>(type: "double precision", nullable: true),
                    TaxPaid = table.Column<double>(type: "double precision", nullable: true),
                    Employees = table.Column<int>(type: "integer", nullable: true),
                    RdSpending = table.Column<double>(type: "double precision", nullable: true),
                    Standing = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Source = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
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
                    JurisdictionId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    FromYear = table.Column<int>(type: "integer", nullable: false),
                    Document = table.Column<string>(type: "text", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ParkId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    DeviceId = table.Column<string>(type: "character varying(64)", nullable: false),
                    SensorId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Quantity = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ReplacedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    OldFinalReading = table.Column<double>(type: "double precision", nullable: false),
                    NewInitialReading = table.Column<double>(type: "double precision", nullable: false),
                    Note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
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
