using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mbk.Portal.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class OfficeDoorCounterLimits : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "MaxDoorPassagesPerHour",
                table: "Offices",
                type: "INTEGER",
                nullable: false,
                defaultValue: 5000);

            migrationBuilder.AddColumn<DateOnly>(
                name: "OpenedOn",
                table: "Offices",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "MaxDoorPassagesPerHour",
                table: "Offices");

            migrationBuilder.DropColumn(
                name: "OpenedOn",
                table: "Offices");
        }
    }
}
