using Mbk.Domain.Feedback;
using Mbk.Domain.Offices;
using Mbk.Portal.Features.Almanac.OpeningHours;
using Mbk.Portal.Features.Feedback;
using Mbk.Portal.Features.Identity;
using Mbk.Portal.Features.Meeting;
using Mbk.Portal.Tests.TestSupport;
using Microsoft.Extensions.Time.Testing;

namespace Mbk.Portal.Tests.Features.Feedback;

/// <summary>An office on a real SQLite file with the feedback services, a fixed clock and a manager and an advisor.</summary>
internal sealed class FeedbackTestOffice : IAsyncDisposable
{
    /// <summary>Monday 23 November 2026, 09:00 in Stockholm.</summary>
    public static readonly DateTimeOffset Monday = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);

    public static readonly FeedbackForm ComplaintWithContact = new(
        FeedbackKind.Klagomal, FeedbackChannel.Besok, null, "Lång väntan vid bord 2 utan information", "Bostadsfrågor",
        "Kerstin Kontaktsson", "kerstin.k@example.se", "070-555 12 34", "Hemliga gatan 7, 163 00 Spånga", ContactConsent: true);

    private FeedbackTestOffice(TestDatabase db, Office office, FakeTimeProvider clock)
    {
        Db = db;
        Office = office;
        Clock = clock;
        Schedules = new OpeningScheduleQueries(db, clock);
        Meeting = new MeetingCommands(db, clock);
        MeetingQueries = new MeetingQueries(db, clock);
        Commands = new FeedbackCommands(db, Schedules, Meeting, clock);
        Queries = new FeedbackQueries(db, Schedules, clock);
        Statistics = new FeedbackStatistics(db, clock);
        Manager = TestDatabase.Staff(office, StaffRoles.Manager);
        Advisor = TestDatabase.Staff(office, StaffRoles.Advisor);
    }

    public TestDatabase Db { get; }

    public Office Office { get; }

    public FakeTimeProvider Clock { get; }

    public OpeningScheduleQueries Schedules { get; }

    public MeetingCommands Meeting { get; }

    public MeetingQueries MeetingQueries { get; }

    public FeedbackCommands Commands { get; }

    public FeedbackQueries Queries { get; }

    public FeedbackStatistics Statistics { get; }

    public StaffContext Manager { get; }

    public StaffContext Advisor { get; }

    public static async Task<FeedbackTestOffice> CreateAsync(DateTimeOffset? start = null)
    {
        var db = await TestDatabase.CreateAsync();
        var office = await db.AddOfficeAsync();
        return new FeedbackTestOffice(db, office, new FakeTimeProvider(start ?? Monday));
    }

    public ValueTask DisposeAsync() => Db.DisposeAsync();
}
