using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace SmartPark.ParkData.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Rectification : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "InspectionChecklists",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ParkId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    NameZh = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    NameEn = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ItemsJson = table.Column<string>(type: "text", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InspectionChecklists", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InspectionChecklists_Parks_ParkId",
                        column: x => x.ParkId,
                        principalTable: "Parks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RectificationOrders",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ParkId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    EnterpriseId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Source = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    AlertId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    InspectionId = table.Column<long>(type: "bigint", nullable: true),
                    Hazard = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    ResponsibleName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    ResponsiblePhone = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    Deadline = table.Column<DateOnly>(type: "date", nullable: false),
                    State = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ClosedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ReplyTokenHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ReplyTokenExpiresAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RectificationOrders", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RectificationOrders_Enterprises_ParkId_EnterpriseId",
                        columns: x => new { x.ParkId, x.EnterpriseId },
                        principalTable: "Enterprises",
                        principalColumns: new[] { "ParkId", "Id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Inspections",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ParkId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    EnterpriseId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ChecklistId = table.Column<long>(type: "bigint", nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Inspector = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    AnswersJson = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Inspections", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Inspections_Enterprises_ParkId_EnterpriseId",
                        columns: x => new { x.ParkId, x.EnterpriseId },
                        principalTable: "Enterprises",
                        principalColumns: new[] { "ParkId", "Id" },
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Inspections_InspectionChecklists_ChecklistId",
                        column: x => x.ChecklistId,
                        principalTable: "InspectionChecklists",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RectificationSteps",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OrderId = table.Column<long>(type: "bigint", nullable: false),
                    Action = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    FromState = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    ToState = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Actor = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RectificationSteps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RectificationSteps_RectificationOrders_OrderId",
                        column: x => x.OrderId,
                        principalTable: "RectificationOrders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RectificationEvidence",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OrderId = table.Column<long>(type: "bigint", nullable: false),
                    ParkId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    StepId = table.Column<long>(type: "bigint", nullable: true),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Size = table.Column<long>(type: "bigint", nullable: false),
                    OriginalName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    UploadedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UploadedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RectificationEvidence", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RectificationEvidence_RectificationOrders_OrderId",
                        column: x => x.OrderId,
                        principalTable: "RectificationOrders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_RectificationEvidence_RectificationSteps_StepId",
                        column: x => x.StepId,
                        principalTable: "RectificationSteps",
                        principalColumn: "Id");
                });

            migrationBuilder.CreateIndex(
                name: "IX_InspectionChecklists_ParkId",
                table: "InspectionChecklists",
                column: "ParkId");

            migrationBuilder.CreateIndex(
                name: "IX_Inspections_ChecklistId",
                table: "Inspections",
                column: "ChecklistId");

            migrationBuilder.CreateIndex(
                name: "IX_Inspections_ParkId_At",
                table: "Inspections",
                columns: new[] { "ParkId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_Inspections_ParkId_EnterpriseId",
                table: "Inspections",
                columns: new[] { "ParkId", "EnterpriseId" });

            migrationBuilder.CreateIndex(
                name: "IX_RectificationEvidence_OrderId",
                table: "RectificationEvidence",
                column: "OrderId");

            migrationBuilder.CreateIndex(
                name: "IX_RectificationEvidence_StepId",
                table: "RectificationEvidence",
                column: "StepId");

            migrationBuilder.CreateIndex(
                name: "IX_RectificationOrders_ParkId_EnterpriseId",
                table: "RectificationOrders",
                columns: new[] { "ParkId", "EnterpriseId" });

            migrationBuilder.CreateIndex(
                name: "IX_RectificationOrders_ParkId_State",
                table: "RectificationOrders",
                columns: new[] { "ParkId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_RectificationOrders_ReplyTokenHash",
                table: "RectificationOrders",
                column: "ReplyTokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RectificationSteps_OrderId_At",
                table: "RectificationSteps",
                columns: new[] { "OrderId", "At" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Inspections");

            migrationBuilder.DropTable(
                name: "RectificationEvidence");

            migrationBuilder.DropTable(
                name: "InspectionChecklists");

            migrationBuilder.DropTable(
                name: "RectificationSteps");

            migrationBuilder.DropTable(
                name: "RectificationOrders");
        }
    }
}
