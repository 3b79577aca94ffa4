using Mbk.Domain.Offices;
using Mbk.Domain.Queue;
using Mbk.Portal.Features.Almanac.Staffing;
using Mbk.Portal.Features.Identity;
using Mbk.Portal.Tests.TestSupport;
using Microsoft.Extensions.Time.Testing;

namespace Mbk.Portal.Tests.Features.Almanac.Staffing;

/// <summary>An office on a real SQLite file with the standard places and three staff accounts (one deactivated).</summary>
internal sealed class StaffingTestOffice
{
    // Tuesday 24 November 2026, 08:00 in Stockholm (ISO week 48).
    public static readonly DateOnly Today = new(2026, 11, 24);

    private StaffingTestOffice(TestDatabase database, Office office)
    {
        Database = database;
        Office = office;
        Commands = new StaffingCommands(database, Clock);
        Queries = new StaffingQueries(database, Clock);
        Forecasts = new StaffingForecastQueries(database, new Mbk.Portal.Features.Almanac.Events.AlmanacEventQueries(database));
    }

    public TestDatabase Database { get; }

    public Office Office { get; }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 24, 7, 0, 0, TimeSpan.Zero));

    public StaffingCommands Commands { get; }

    public StaffingQueries Queries { get; }

    public StaffingForecastQueries Forecasts { get; }

    public IReadOnlyList<Place> Places { get; private set; } = [];

    public Place Desk => Places[0];

    public Place Table1 => Places[1];

    public Place Table2 => Places[2];

    public StaffContext Manager { get; private set; } = default!;

    public StaffContext Amina { get; private set; } = default!;

    public StaffContext Bo { get; private set; } = default!;

    public string InactiveUserId { get; private set; } = default!;

    public static async Task<StaffingTestOffice> CreateAsync(TestDatabase database)
    {
        var office = await database.AddOfficeAsync("Medborgarkontoret Bemanning", "bem-" + Guid.NewGuid().ToString("N")[..8]);
        var setup = new StaffingTestOffice(database, office);
        await using (var db = database.CreateDbContext())
        {
            var order = 0;
            setup.Places = StandardOfficeSetup.Places.Select(name => Place.Create(office.Id, name, ++order)).ToList();
            db.Places.AddRange(setup.Places);
            await db.SaveChangesAsync();
        }

        setup.Manager = await setup.AddStaffAsync("Maria Chef", StaffRoles.Manager);
        setup.Amina = await setup.AddStaffAsync("Amina Vägledare", StaffRoles.Advisor);
        setup.Bo = await setup.AddStaffAsync("Bo Vägledare", StaffRoles.Advisor);
        setup.InactiveUserId = (await setup.AddStaffAsync("Gunnar Slutat", StaffRoles.Advisor, active: false)).UserId;
        return setup;
    }

    public async Task<StaffContext> AddStaffAsync(string name, string role, bool active = true)
    {
        var staff = TestDatabase.Staff(Office, role) with { DisplayName = name };
        await using var db = Database.CreateDbContext();
        var user = new StaffUser { Id = staff.UserId, UserName = staff.UserId, Email = staff.UserId + "@test.se", DisplayName = name, IsActive = active, CurrentOfficeId = Office.Id };
        user.Offices.Add(new StaffOfficeMembership { UserId = staff.UserId, OfficeId = Office.Id, Role = staff.CurrentOffice!.Role });
        db.Users.Add(user);
        await db.SaveChangesAsync();
        return staff;
    }
}
