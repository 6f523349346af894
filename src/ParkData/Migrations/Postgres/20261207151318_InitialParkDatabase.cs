using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace SmartPark.ParkData.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class InitialParkDatabase : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Audit",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Actor = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Action = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Entity = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ParkId = table.Column<string>(type: "text", nullable: true),
                    Before = table.Column<string>(type: "text", nullable: true),
                    After = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Audit", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Jurisdictions",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CityId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    NameZh = table.Column<string>(type: "text", nullable: false),
                    NameEn = table.Column<string>(type: "text", nullable: false),
                    CityNameZh = table.Column<string>(type: "text", nullable: false),
                    CityNameEn = table.Column<string>(type: "text", nullable: false),
                    VillageIndustrialLandKm2 = table.Column<double>(type: "double precision", nullable: true),
                    RenovationTargetKm2 = table.Column<double>(type: "double precision", nullable: true),
                    MinimumParkHectares = table.Column<double>(type: "double precision", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Jurisdictions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RegistryRevisions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    Number = table.Column<long>(type: "bigint", nullable: false),
                    ChangedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RegistryRevisions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ServiceAccounts",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Role = table.Column<string>(type: "text", nullable: false),
                    Credential = table.Column<string>(type: "text", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ServiceAccounts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Users",
                columns: table => new
                {
                    Name = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    DisplayName = table.Column<string>(type: "text", nullable: true),
                    Role = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Parks = table.Column<string>(type: "text", nullable: false),
                    DistrictId = table.Column<string>(type: "text", nullable: true),
                    CityId = table.Column<string>(type: "text", nullable: true),
                    PasswordHash = table.Column<string>(type: "text", nullable: false),
                    Disabled = table.Column<bool>(type: "boolean", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Users", x => x.Name);
                });

            migrationBuilder.CreateTable(
                name: "Parks",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    NameZh = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    NameEn = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    DistrictId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Township = table.Column<string>(type: "text", nullable: true),
                    VillageCollective = table.Column<string>(type: "text", nullable: true),
                    Address = table.Column<string>(type: "text", nullable: true),
                    Latitude = table.Column<double>(type: "double precision", nullable: true),
                    Longitude = table.Column<double>(type: "double precision", nullable: true),
                    LandAreaHectares = table.Column<double>(type: "double precision", nullable: false),
                    LandOwnership = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    LandProcedures = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    InSanjiuMap = table.Column<bool>(type: "boolean", nullable: false),
                    IndustrialBlock = table.Column<string>(type: "text", nullable: true),
                    LeadingIndustry = table.Column<string>(type: "text", nullable: false),
                    PlanningStatus = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    EnvironmentalAssessmentStatus = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Category = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    Batch = table.Column<int>(type: "integer", nullable: true),
                    DecisionDate = table.Column<DateOnly>(type: "date", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Parks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Parks_Jurisdictions_DistrictId",
                        column: x => x.DistrictId,
                        principalTable: "Jurisdictions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Enterprises",
                columns: table => new
                {
                    ParkId = table.Column<string>(type: "character varying(64)", nullable: false),
                    Id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    NameZh = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    NameEn = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    CreditCode = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: true),
                    Industry = table.Column<string>(type: "text", nullable: false),
                    FloorAreaM2 = table.Column<double>(type: "double precision", nullable: false),
                    LandAreaM2 = table.Column<double>(type: "double precision", nullable: false),
                    ContactName = table.Column<string>(type: "text", nullable: true),
                    ContactPhone = table.Column<string>(type: "text", nullable: true),
                    Status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    DischargePermitNumber = table.Column<string>(type: "text", nullable: true),
                    DischargePermitExpiry = table.Column<DateOnly>(type: "date", nullable: true),
                    PlanX = table.Column<double>(type: "double precision", nullable: true),
                    PlanY = table.Column<double>(type: "double precision", nullable: true),
                    PlanWidth = table.Column<double>(type: "double precision", nullable: true),
                    PlanHeight = table.Column<double>(type: "double precision", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Enterprises", x => new { x.ParkId, x.Id });
                    table.ForeignKey(
                        name: "FK_Enterprises_Parks_ParkId",
                        column: x => x.ParkId,
                        principalTable: "Parks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Projects",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ParkId = table.Column<string>(type: "character varying(64)", nullable: false),
                    NameZh = table.Column<string>(type: "text", nullable: false),
                    NameEn = table.Column<string>(type: "text", nullable: true),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    AreaHectares = table.Column<double>(type: "double precision", nullable: false),
                    PlannedInvestment = table.Column<double>(type: "double precision", nullable: true),
                    ActualInvestment = table.Column<double>(type: "double precision", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Projects", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Projects_Parks_ParkId",
                        column: x => x.ParkId,
                        principalTable: "Parks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Devices",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ParkId = table.Column<string>(type: "character varying(64)", nullable: false),
                    EnterpriseId = table.Column<string>(type: "character varying(64)", nullable: false),
                    Credential = table.Column<string>(type: "text", nullable: false),
                    SensorsJson = table.Column<string>(type: "text", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Devices", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Devices_Enterprises_ParkId_EnterpriseId",
                        columns: x => new { x.ParkId, x.EnterpriseId },
                        principalTable: "Enterprises",
                        principalColumns: new[] { "ParkId", "Id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MonitoringPoints",
                columns: table => new
                {
                    Mn = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ParkId = table.Column<string>(type: "character varying(64)", nullable: false),
                    EnterpriseId = table.Column<string>(type: "character varying(64)", nullable: false),
                    Pw = table.Column<string>(type: "text", nullable: false),
                    St = table.Column<string>(type: "text", nullable: false),
                    Name = table.Column<string>(type: "text", nullable: true),
                    DeviceId = table.Column<string>(type: "text", nullable: false),
                    SensorId = table.Column<string>(type: "text", nullable: true),
                    PlatformHost = table.Column<string>(type: "text", nullable: false),
                    PlatformPort = table.Column<int>(type: "integer", nullable: false),
                    PollutantsJson = table.Column<string>(type: "text", nullable: false),
                    HjVersion = table.Column<int>(type: "integer", nullable: false),
                    Ack = table.Column<bool>(type: "boolean", nullable: false),
                    RtdIntervalSeconds = table.Column<double>(type: "double precision", nullable: true),
                    MinIntervalMinutes = table.Column<double>(type: "double precision", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MonitoringPoints", x => x.Mn);
                    table.ForeignKey(
                        name: "FK_MonitoringPoints_Enterprises_ParkId_EnterpriseId",
                        columns: x => new { x.ParkId, x.EnterpriseId },
                        principalTable: "Enterprises",
                        principalColumns: new[] { "ParkId", "Id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Stages",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProjectId = table.Column<long>(type: "bigint", nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Order = table.Column<int>(type: "integer", nullable: false),
                    PlannedDate = table.Column<DateOnly>(type: "date", nullable: true),
                    ActualDate = table.Column<DateOnly>(type: "date", nullable: true),
                    Note = table.Column<string>(type: "text", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Stages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Stages_Projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "Projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "RegistryRevisions",
                columns: new[] { "Id", "ChangedAt", "Number" },
                values: new object[] { 1, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), 0L });

            migrationBuilder.CreateIndex(
                name: "IX_Audit_Key_At",
                table: "Audit",
                columns: new[] { "Key", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_Audit_ParkId_At",
                table: "Audit",
                columns: new[] { "ParkId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_Devices_ParkId_EnterpriseId",
                table: "Devices",
                columns: new[] { "ParkId", "EnterpriseId" });

            migrationBuilder.CreateIndex(
                name: "IX_Enterprises_CreditCode",
                table: "Enterprises",
                column: "CreditCode",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Jurisdictions_CityId",
                table: "Jurisdictions",
                column: "CityId");

            migrationBuilder.CreateIndex(
                name: "IX_MonitoringPoints_ParkId_EnterpriseId",
                table: "MonitoringPoints",
                columns: new[] { "ParkId", "EnterpriseId" });

            migrationBuilder.CreateIndex(
                name: "IX_Parks_DistrictId",
                table: "Parks",
                column: "DistrictId");

            migrationBuilder.CreateIndex(
                name: "IX_Projects_ParkId",
                table: "Projects",
                column: "ParkId");

            migrationBuilder.CreateIndex(
                name: "IX_Stages_ProjectId_Kind",
                table: "Stages",
                columns: new[] { "ProjectId", "Kind" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Audit");

            migrationBuilder.DropTable(
                name: "Devices");

            migrationBuilder.DropTable(
                name: "MonitoringPoints");

            migrationBuilder.DropTable(
                name: "RegistryRevisions");

            migrationBuilder.DropTable(
                name: "ServiceAccounts");

            migrationBuilder.DropTable(
                name: "Stages");

            migrationBuilder.DropTable(
                name: "Users");

            migrationBuilder.DropTable(
                name: "Enterprises");

            migrationBuilder.DropTable(
                name: "Projects");

            migrationBuilder.DropTable(
                name: "Parks");

            migrationBuilder.DropTable(
                name: "Jurisdictions");
        }
    }
}
