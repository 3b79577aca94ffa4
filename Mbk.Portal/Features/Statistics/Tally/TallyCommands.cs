using System.Globalization;
using Mbk.Domain.Common;
using Mbk.Domain.Queue;
using Mbk.Domain.Statistics;
using Mbk.Portal.Features.Identity;
using Mbk.Portal.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Mbk.Portal.Features.Statistics.Tally;

/// <summary>
/// Tallying questions in the actor's current office: one tap, undoing one's own last tap, and a paper sheet's day
/// totals. Each operation uses one short context; events are published by the dispatcher after the save.
/// </summary>
public sealed class TallyCommands(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>Records one question (and a referral at the same instant when a target is given); returns the tally's id.</summary>
    public async Task<int> TapAsync(
        StaffContext actor, int categoryId, TallyChannel channel, string? language, VisitorGender? gender, int? referralTargetId,
        CancellationToken cancellationToken = default)
    {
        var officeId = StaffAccess.RequireOffice(actor);
        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var category = await db.QuestionCategories.SingleOrDefaultAsync(c => c.Id == categoryId && c.OfficeId == officeId, cancellationToken)
            ?? throw new DomainException("Ärendeslaget finns inte på ditt kontor.");
        var tally = QuestionTally.RecordTap(category, channel, actor.UserId, now, language, gender);
        db.QuestionTallies.Add(tally);
        if (referralTargetId is { } targetId)
        {
            var target = await db.ReferralTargets.SingleOrDefaultAsync(r => r.Id == targetId && r.OfficeId == officeId, cancellationToken)
                ?? throw new DomainException("Länkningen finns inte på ditt kontor.");
            db.Referrals.Add(Referral.Record(target, actor.UserId, now));
        }

        await db.SaveChangesAsync(cancellationToken);
        return tally.Id;
    }

    /// <summary>
    /// Undoes the actor's most recent own tap in the current office if it is within
    /// <see cref="QuestionTally.DefaultUndoWindow"/>, with the referral recorded with it. Returns the category's name.
    /// </summary>
    public async Task<string> UndoLastAsync(StaffContext actor, CancellationToken cancellationToken = default)
    {
        var officeId = StaffAccess.RequireOffice(actor);
        var now = clock.GetUtcNow();
        var window = QuestionTally.DefaultUndoWindow;
        var since = now - window;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var tally = await db.QuestionTallies
            .Where(t => t.OfficeId == officeId && t.StaffUserId == actor.UserId && t.Source == TallySource.Tap && t.RecordedAt >= since)
            .OrderByDescending(t => t.RecordedAt)
            .ThenByDescending(t => t.Id)
            .FirstOrDefaultAsync(cancellationToken)
            ?? throw new DomainException(string.Create(
                CultureInfo.InvariantCulture, $"Det finns ingen räkning att ångra. Du kan ångra din egen senaste räkning inom {window.TotalMinutes:0} minuter."));
        tally.MarkUndone(actor.UserId, now, window);
        db.QuestionTallies.Remove(tally);
        var referral = await db.Referrals
            .Where(r => r.OfficeId == officeId && r.StaffUserId == actor.UserId && r.RecordedAt == tally.RecordedAt && r.TicketId == null)
            .OrderByDescending(r => r.Id)
            .FirstOrDefaultAsync(cancellationToken);
        if (referral is not null)
        {
            db.Referrals.Remove(referral);
        }

        var name = await db.QuestionCategories.Where(c => c.Id == tally.QuestionCategoryId).Select(c => c.Name).SingleAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return name;
    }

    /// <summary>
    /// Saves a paper tally sheet: every row becomes a day total of <paramref name="day"/> (office-local). All rows are
    /// saved or none; every problem is listed by row in one <see cref="DomainException"/>. Returns the questions saved.
    /// </summary>
    public async Task<int> BatchAsync(StaffContext actor, DateOnly day, IReadOnlyList<(int CategoryId, int Count)> rows, CancellationToken cancellationToken = default)
    {
        var officeId = StaffAccess.RequireOffice(actor);
        ArgumentNullException.ThrowIfNull(rows);
        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var zone = await OfficeZoneAsync(db, officeId, cancellationToken);
        if (day > ServiceDayCalculator.ServiceDay(now, zone))
        {
            throw new DomainException($"Dagen {day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} har inte varit än. Efterregistrering gäller dagar som har varit.");
        }

        if (rows.Count == 0)
        {
            throw new DomainException("Fyll i antalet frågor för minst ett ärendeslag.");
        }

        var ids = rows.Select(r => r.CategoryId).Distinct().ToList();
        var categories = await db.QuestionCategories.Where(c => c.OfficeId == officeId && ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, cancellationToken);
        var errors = new List<string>();
        var tallies = new List<QuestionTally>();
        var seen = new HashSet<int>();
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var label = string.Create(CultureInfo.InvariantCulture, $"Rad {i + 1}");
            if (!categories.TryGetValue(row.CategoryId, out var category))
            {
                errors.Add($"{label}: ärendeslaget finns inte på ditt kontor.");
                continue;
            }

            label = $"{label} ({category.Name})";
            if (!seen.Add(row.CategoryId))
            {
                errors.Add($"{label}: ärendeslaget finns redan på en tidigare rad.");
                continue;
            }

            try
            {
                tallies.Add(QuestionTally.RecordBatch(category, day, row.Count, actor.UserId, now, zone));
            }
            catch (DomainException ex)
            {
                errors.Add($"{label}: {ex.Message}");
            }
        }

        if (errors.Count > 0)
        {
            throw new DomainException("Inget sparades:" + Environment.NewLine + string.Join(Environment.NewLine, errors));
        }

        db.QuestionTallies.AddRange(tallies);
        await db.SaveChangesAsync(cancellationToken);
        return tallies.Sum(t => t.Count);
    }

    internal static async Task<TimeZoneInfo> OfficeZoneAsync(PortalDbContext db, int officeId, CancellationToken cancellationToken)
    {
        var zoneId = await db.Offices.Where(o => o.Id == officeId).Select(o => o.TimeZoneId).SingleAsync(cancellationToken);
        return TimeZoneInfo.FindSystemTimeZoneById(zoneId);
    }
}
