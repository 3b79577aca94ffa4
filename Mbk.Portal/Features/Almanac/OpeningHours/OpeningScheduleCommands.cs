using System.Globalization;
using Mbk.Domain.Almanac;
using Mbk.Domain.Common;
using Mbk.Domain.Queue;
using Mbk.Portal.Features.Identity;
using Mbk.Portal.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Mbk.Portal.Features.Almanac.OpeningHours;

using WeeklyHours = Mbk.Domain.Queue.OpeningHours;

/// <summary>
/// A manager's changes to the office's opening hours: weekly hours, exceptions and holiday decisions. Each raises
/// <see cref="AlmanacChanged"/> (opening hours) and <see cref="QueueSetupChanged"/>, so almanacs, kiosks and displays reload.
/// </summary>
public sealed class OpeningScheduleCommands(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider clock)
{
    private const string ManagerRefusal = "Bara enhetschefen kan ändra kontorets öppettider.";

    public async Task SetWeeklyHoursAsync(StaffContext actor, WeeklyHours hours, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(hours);
        var officeId = StaffAccess.RequireManager(actor, ManagerRefusal);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var office = await db.Offices.SingleAsync(o => o.Id == officeId, cancellationToken);
        office.SetOpeningHours(hours);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Adds a closed day (<paramref name="hours"/> null, reason required) or a day with changed hours.</summary>
    public async Task<int> AddExceptionAsync(StaffContext actor, DateOnly date, DayHours? hours, string? reason, CancellationToken cancellationToken = default)
    {
        var officeId = StaffAccess.RequireManager(actor, ManagerRefusal);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await RequireNotPastAsync(db, officeId, date, cancellationToken);
        if (await db.OpeningHoursExceptions.AnyAsync(e => e.OfficeId == officeId && e.Date == date, cancellationToken))
        {
            throw new DomainException($"Det finns redan ett undantag för {Day(date)}. Ändra eller ta bort det i stället.");
        }

        var exception = OpeningHoursException.Create(officeId, date, hours, reason, actor.DisplayName, clock.GetUtcNow());
        db.OpeningHoursExceptions.Add(exception);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return exception.Id;
    }

    public async Task ChangeExceptionAsync(StaffContext actor, int exceptionId, DayHours? hours, string? reason, CancellationToken cancellationToken = default)
    {
        var officeId = StaffAccess.RequireManager(actor, ManagerRefusal);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var exception = await FindExceptionAsync(db, officeId, exceptionId, cancellationToken);
        await RequireNotPastAsync(db, officeId, exception.Date, cancellationToken);
        exception.Change(hours, reason, actor.DisplayName, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task RemoveExceptionAsync(StaffContext actor, int exceptionId, CancellationToken cancellationToken = default)
    {
        var officeId = StaffAccess.RequireManager(actor, ManagerRefusal);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var exception = await FindExceptionAsync(db, officeId, exceptionId, cancellationToken);
        exception.Remove();
        db.OpeningHoursExceptions.Remove(exception);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Confirms a holiday or eve closed (<paramref name="openHours"/> null) or open at the given hours.</summary>
    public async Task ConfirmHolidayAsync(StaffContext actor, DateOnly date, DayHours? openHours, CancellationToken cancellationToken = default)
    {
        var officeId = StaffAccess.RequireManager(actor, ManagerRefusal);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await RequireNotPastAsync(db, officeId, date, cancellationToken);
        var now = clock.GetUtcNow();
        var decision = await db.HolidayDecisions.SingleOrDefaultAsync(d => d.OfficeId == officeId && d.Date == date, cancellationToken);
        if (decision is null)
        {
            db.HolidayDecisions.Add(HolidayDecision.Confirm(officeId, date, openHours, actor.DisplayName, now));
        }
        else
        {
            decision.Change(openHours, actor.DisplayName, now);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Withdraws a holiday decision made by mistake: the day is "ej bekräftad" (closed) again.</summary>
    public async Task WithdrawHolidayDecisionAsync(StaffContext actor, DateOnly date, CancellationToken cancellationToken = default)
    {
        var officeId = StaffAccess.RequireManager(actor, ManagerRefusal);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await RequireNotPastAsync(db, officeId, date, cancellationToken);
        var decision = await db.HolidayDecisions.SingleOrDefaultAsync(d => d.OfficeId == officeId && d.Date == date, cancellationToken)
            ?? throw new DomainException("Det finns inget beslut att ångra för den dagen. Ladda om sidan.");
        decision.Withdraw();
        db.HolidayDecisions.Remove(decision);
        await db.SaveChangesAsync(cancellationToken);
    }

    private static async Task<OpeningHoursException> FindExceptionAsync(PortalDbContext db, int officeId, int exceptionId, CancellationToken cancellationToken) =>
        await db.OpeningHoursExceptions.SingleOrDefaultAsync(e => e.Id == exceptionId && e.OfficeId == officeId, cancellationToken)
        ?? throw new DomainException("Undantaget finns inte längre. Ladda om sidan.");

    private async Task RequireNotPastAsync(PortalDbContext db, int officeId, DateOnly date, CancellationToken cancellationToken)
    {
        var zoneId = await db.Offices.Where(o => o.Id == officeId).Select(o => o.TimeZoneId).SingleAsync(cancellationToken);
        var today = ServiceDayCalculator.ServiceDay(clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById(zoneId));
        if (date < today)
        {
            throw new DomainException($"Den {Day(date)} har redan varit. Välj dagens datum eller ett senare.");
        }
    }

    private static string Day(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("sv-SE"));
}
