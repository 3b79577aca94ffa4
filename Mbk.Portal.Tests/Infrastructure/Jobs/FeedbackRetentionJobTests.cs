using Hangfire;
using Mbk.Domain.Feedback;
using Mbk.Portal.Features.Feedback;
using Mbk.Portal.Infrastructure.Persistence;
using Mbk.Portal.Tests.Features.Feedback;
using Mbk.Portal.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace Mbk.Portal.Tests.Infrastructure.Jobs;

/// <summary>
/// The contact-retention job run by the real Hangfire server of a started portal (in-memory storage, SQLite file) with
/// a fake clock: it erases exactly the contacts whose retention period has ended, keeps the anonymous records, and
/// logs each erasure.
/// </summary>
public sealed class FeedbackRetentionJobTests
{
    private static readonly DateTimeOffset Start = new(2024, 10, 1, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task ShouldEraseExactlyTheExpiredContactsAndLogEachWhenTheServerRunsTheJob()
    {
        var dataDirectory = TestPaths.NewTempDirectory("portal");
        var clock = new FakeTimeProvider(Start);
        int expired, laterExpired, stillOpen, withoutContact, answeredNotClosed;
        await using (var before = new PortalAppFactory(dataDirectory, configureServices: s => s.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock))))
        {
            var manager = await before.StaffAsync(DemoAccounts.Manager);
            var advisor = await before.StaffAsync(DemoAccounts.Advisor);
            using var scope = before.Services.CreateScope();
            var commands = scope.ServiceProvider.GetRequiredService<FeedbackCommands>();
            var form = FeedbackTestOffice.ComplaintWithContact;

            // Closed Tuesday 1 October 2024: the 24 months end on 1 October 2026.
            expired = await commands.RegisterAsync(advisor, form);
            withoutContact = await commands.RegisterAsync(advisor, form with { ContactName = null, ContactEmail = null, ContactPhone = null, ContactPostalAddress = null, ContactConsent = false });
            stillOpen = await commands.RegisterAsync(advisor, form);
            answeredNotClosed = await commands.RegisterAsync(advisor, form);
            foreach (var id in new[] { expired, withoutContact, answeredNotClosed })
            {
                await commands.StartHandlingAsync(manager, id);
                await commands.AnswerAsync(manager, id, "Tack för synpunkten.", FeedbackChannel.Brev);
            }

            await commands.CloseAsync(manager, expired);
            await commands.CloseAsync(manager, withoutContact);

            // Closed Monday 2 June 2025: ends on 2 June 2027.
            clock.SetUtcNow(new DateTimeOffset(2025, 6, 2, 8, 0, 0, TimeSpan.Zero));
            laterExpired = await commands.RegisterAsync(advisor, form);
            await commands.StartHandlingAsync(manager, laterExpired);
            await commands.CloseAsync(manager, laterExpired);
        }

        clock.SetUtcNow(new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero));
        var settings = new Dictionary<string, string?> { ["Hangfire:Server:Enabled"] = "true", ["Mail:Smtp:Port"] = "9" };
        await using var after = new PortalAppFactory(dataDirectory, settings, s => s.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock)));
        _ = after.Services;

        // The start-up run, on the job server.
        await WaitForErasuresAsync(after.DbFactory, 1);
        (await HasContactAsync(after.DbFactory, expired)).ShouldBeFalse();
        (await HasContactAsync(after.DbFactory, laterExpired)).ShouldBeTrue();
        (await HasContactAsync(after.DbFactory, stillOpen)).ShouldBeTrue();
        (await HasContactAsync(after.DbFactory, answeredNotClosed)).ShouldBeTrue();
        (await ErasuresAsync(after.DbFactory)).Select(e => e.FeedbackId).ShouldBe([expired]);

        // The recurring job, triggered on the server after the second period ends; the first erasure is not repeated.
        clock.SetUtcNow(new DateTimeOffset(2027, 6, 2, 8, 0, 0, TimeSpan.Zero));
        after.Services.GetRequiredService<IRecurringJobManager>().Trigger(FeedbackRetentionJob.RecurringJobId);
        await WaitForErasuresAsync(after.DbFactory, 2);

        var erasures = await ErasuresAsync(after.DbFactory);
        erasures.Select(e => e.FeedbackId).ShouldBe([expired, laterExpired]);
        erasures.ShouldAllBe(e => e.Reason == FeedbackCommands.RetentionErasureReason);
        erasures[1].ErasedAt.ShouldBe(new DateTimeOffset(2027, 6, 2, 8, 0, 0, TimeSpan.Zero));
        (await HasContactAsync(after.DbFactory, stillOpen)).ShouldBeTrue();
        (await HasContactAsync(after.DbFactory, answeredNotClosed)).ShouldBeTrue();
        await using var db = await after.DbFactory.CreateDbContextAsync();
        var anonymous = await db.FeedbackItems.AsNoTracking().SingleAsync(f => f.Id == expired);
        (anonymous.Summary, anonymous.Kind, anonymous.Answer).ShouldBe((FeedbackTestOffice.ComplaintWithContact.Summary, FeedbackKind.Klagomal, "Tack för synpunkten."));
        (await db.FeedbackItems.AsNoTracking().SingleAsync(f => f.Id == withoutContact)).ContactErasedAt.ShouldBeNull("nothing to erase, nothing logged");
    }

    private static async Task<bool> HasContactAsync(Microsoft.EntityFrameworkCore.IDbContextFactory<PortalDbContext> dbFactory, int id)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var item = await db.FeedbackItems.AsNoTracking().SingleAsync(f => f.Id == id);
        return item.ContactName is not null || item.ContactEmail is not null || item.ContactPhone is not null || item.ContactPostalAddress is not null;
    }

    private static async Task<List<FeedbackErasure>> ErasuresAsync(Microsoft.EntityFrameworkCore.IDbContextFactory<PortalDbContext> dbFactory)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return (await db.FeedbackErasures.AsNoTracking().ToListAsync()).OrderBy(e => e.ErasedAt).ThenBy(e => e.FeedbackId).ToList();
    }

    private static async Task WaitForErasuresAsync(Microsoft.EntityFrameworkCore.IDbContextFactory<PortalDbContext> dbFactory, int count)
    {
        for (var i = 0; i < 300 && (await ErasuresAsync(dbFactory)).Count < count; i++)
        {
            await Task.Delay(100);
        }

        (await ErasuresAsync(dbFactory)).Count.ShouldBe(count);
    }
}
