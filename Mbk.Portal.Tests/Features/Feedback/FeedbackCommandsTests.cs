using Mbk.Domain.Almanac;
using Mbk.Domain.Common;
using Mbk.Domain.Feedback;
using Mbk.Domain.Meeting;
using Mbk.Domain.Statistics;
using Mbk.Portal.Features.Feedback;
using Mbk.Portal.Features.Meeting;
using Microsoft.EntityFrameworkCore;

namespace Mbk.Portal.Tests.Features.Feedback;

/// <summary>The register's commands and queries on a real SQLite file with a fixed clock.</summary>
[Trait("Providers", "Both")]
public sealed class FeedbackCommandsTests : IAsyncLifetime
{
    private FeedbackTestOffice _office = default!;

    public async Task InitializeAsync() => _office = await FeedbackTestOffice.CreateAsync();

    public async Task DisposeAsync() => await _office.DisposeAsync();

    [Fact]
    public async Task ShouldCountTheOfficesClosedDayWhenTheDeadlineIsComputed()
    {
        await using (var db = _office.Db.CreateDbContext())
        {
            db.OpeningHoursExceptions.Add(OpeningHoursException.Create(_office.Office.Id, new DateOnly(2026, 12, 1), null, "Planeringsdag", "Chef", _office.Clock.GetUtcNow()));
            await db.SaveChangesAsync();
        }

        var id = await _office.Commands.RegisterAsync(_office.Advisor, FeedbackTestOffice.ComplaintWithContact);

        // Monday 23 November + 10 working days is Monday 7 December; the planning day on 1 December pushes it to the 8th.
        var detail = (await _office.Queries.DetailAsync(_office.Manager, id))!;
        detail.Row.DueOn.ShouldBe(new DateOnly(2026, 12, 8));
        detail.Row.WorkingDaysLeft.ShouldBe(10);
        detail.DeadlineWorkingDays.ShouldBe(10);
    }

    [Fact]
    public async Task ShouldEraseTheContactFromTheDatabaseAndLogItWhenAManagerErasesIt()
    {
        var id = await _office.Commands.RegisterAsync(_office.Advisor, FeedbackTestOffice.ComplaintWithContact);
        var other = await _office.Commands.RegisterAsync(_office.Advisor, FeedbackTestOffice.ComplaintWithContact with { Summary = "En annan" });

        await Should.ThrowAsync<DomainException>(() => _office.Commands.EraseContactAsync(_office.Advisor, id));
        await _office.Commands.EraseContactAsync(_office.Manager, id);

        (await RawContactAsync(id)).ShouldBe([null, null, null, null]);
        (await RawContactAsync(other)).ShouldBe(["Kerstin Kontaktsson", "kerstin.k@example.se", "070-555 12 34", "Hemliga gatan 7, 163 00 Spånga"]);
        await using var db = _office.Db.CreateDbContext();
        var log = await db.FeedbackErasures.AsNoTracking().SingleAsync();
        (log.FeedbackId, log.OfficeId, log.ErasedAt, log.Reason).ShouldBe((id, _office.Office.Id, _office.Clock.GetUtcNow(), FeedbackCommands.ManagerErasureReason));
        var detail = (await _office.Queries.DetailAsync(_office.Manager, id))!;
        detail.Contact.ShouldBeNull();
        detail.ContactErasedAt.ShouldBe(_office.Clock.GetUtcNow());
        detail.Row.Summary.ShouldBe(FeedbackTestOffice.ComplaintWithContact.Summary);
        await Should.ThrowAsync<DomainException>(() => _office.Commands.EraseContactAsync(_office.Manager, id));
    }

    [Fact]
    public async Task ShouldGiveTheContactToManagersOnlyWhenTheItemIsRead()
    {
        var id = await _office.Commands.RegisterAsync(_office.Advisor, FeedbackTestOffice.ComplaintWithContact);
        await _office.Commands.AddNoteAsync(_office.Manager, id, "Ringde upp, inget svar");

        var asAdvisor = (await _office.Queries.DetailAsync(_office.Advisor, id))!;
        var asManager = (await _office.Queries.DetailAsync(_office.Manager, id))!;

        asAdvisor.Contact.ShouldBeNull();
        asAdvisor.Notes.ShouldBeEmpty();
        asAdvisor.HasContact.ShouldBeTrue();
        asManager.Contact!.Email.ShouldBe("kerstin.k@example.se");
        asManager.Notes.Single().Text.ShouldBe("Ringde upp, inget svar");
        await Should.ThrowAsync<DomainException>(() => _office.Queries.DataRequestAsync(_office.Advisor, "kerstin.k@example.se"));
        (await _office.Queries.DataRequestAsync(_office.Manager, "0705551234")).Single().Row.Id.ShouldBe(id);
        await Should.ThrowAsync<DomainException>(() => _office.Commands.StartHandlingAsync(_office.Advisor, id));
    }

    [Fact]
    public async Task ShouldShowTheMeetingsDecisionOnTheItemWhenItWasRaisedAtTheMeeting()
    {
        var id = await _office.Commands.RegisterAsync(_office.Advisor, FeedbackTestOffice.ComplaintWithContact);
        var pointId = await _office.Commands.RaiseAtMeetingAsync(_office.Manager, id);
        await Should.ThrowAsync<DomainException>(() => _office.Commands.RaiseAtMeetingAsync(_office.Manager, id));

        var meetingId = await _office.Meeting.GetOrCreateTodaysMeetingAsync(_office.Manager);
        var meeting = (await _office.MeetingQueries.MeetingAsync(_office.Manager, meetingId))!;
        var item = meeting.Items.Single(i => i.PointId == pointId);
        item.Title.ShouldBe($"Synpunkt #{id}: klagomål");
        (item.PointText ?? string.Empty).ShouldNotContain("Kerstin");
        meeting.Items.ShouldContain(i => i.Title == "Synpunkter från besökare");
        (await _office.Queries.FeedbackOfPointAsync(_office.Office.Id, pointId)).ShouldBe(id);
        (await _office.Queries.SinceLastMeetingAsync(_office.Office.Id, meeting.Date)).Select(r => r.Id).ShouldBe([id]);

        await _office.Meeting.StartAsync(_office.Manager, meetingId);
        await _office.Meeting.GoToAsync(_office.Manager, meetingId, item.Index);
        await _office.Meeting.RecordDecisionAsync(_office.Manager, meetingId, item.Index, new DecisionInput("Skylt om väntetid vid bord 2", DecisionCategory.Rutin, "Maria", null));
        await _office.Meeting.CloseAsync(_office.Manager, meetingId);

        var detail = (await _office.Queries.DetailAsync(_office.Advisor, id))!;
        detail.MeetingPointId.ShouldBe(pointId);
        detail.MeetingPointHandled.ShouldBeTrue();
        detail.Decisions.Single().Text.ShouldBe("Skylt om väntetid vid bord 2");
        detail.History.Select(h => h.Text).ShouldContain("Föreslagen som punkt på morgonmötet");
    }

    [Fact]
    public async Task ShouldCountKindsAndTheShareAnsweredInTimeWhenItemsAreAnswered()
    {
        await _office.DisposeAsync();
        _office = await FeedbackTestOffice.CreateAsync(new DateTimeOffset(2026, 11, 4, 9, 0, 0, TimeSpan.Zero));
        var period = StatisticsPeriod.Month(2026, 11);
        (await _office.Statistics.GetAsync(_office.Office.Id, period)).ShouldBeNull("nothing recorded yet: uppgift saknas");

        var onTime = await _office.Commands.RegisterAsync(_office.Advisor, FeedbackTestOffice.ComplaintWithContact with { ReceivedOn = new DateOnly(2026, 11, 2) });
        var late = await _office.Commands.RegisterAsync(_office.Advisor, FeedbackTestOffice.ComplaintWithContact with { ReceivedOn = new DateOnly(2026, 11, 3) });
        await _office.Commands.RegisterAsync(_office.Advisor, FeedbackTestOffice.ComplaintWithContact with { Kind = FeedbackKind.Berom, Channel = FeedbackChannel.Epost, Area = null });
        await _office.Commands.StartHandlingAsync(_office.Manager, onTime);
        _office.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 10, 9, 0, 0, TimeSpan.Zero));
        await _office.Commands.AnswerAsync(_office.Manager, onTime, "Tack, vi har satt upp en skylt.", FeedbackChannel.Brev);
        _office.Clock.SetUtcNow(FeedbackTestOffice.Monday);
        await _office.Commands.StartHandlingAsync(_office.Manager, late);

        var figures = (await _office.Statistics.GetAsync(_office.Office.Id, period))!;

        figures.ByKind.Single(k => k.Name == "Klagomål").Count.ShouldBe(2);
        figures.ByKind.Single(k => k.Name == "Beröm").Count.ShouldBe(1);
        figures.ByChannel.Single(c => c.Name == "E-post").Count.ShouldBe(1);
        figures.ByArea.Single(a => a.Name == "Bostadsfrågor").Count.ShouldBe(2);
        // The complaint of 3 November (due the 17th) and the praise of the 4th (due the 18th) are open on the 23rd:
        // overdue, so 1 of 3 within the deadline.
        (figures.Due, figures.AnsweredInTime, figures.AnsweredInTimePercent).ShouldBe((3, 1, 33.3m));
        figures.MedianDaysToAnswer.ShouldBe(8);
        figures.Trend.ShouldAllBe(t => t.Count == null);
        (await _office.Queries.OverdueCountAsync(_office.Office.Id)).ShouldBe(2);
        (await _office.Queries.ListAsync(_office.Manager, new FeedbackFilter(Kind: FeedbackKind.Klagomal, OverdueOnly: true))).Single().Id.ShouldBe(late);
        (await _office.Queries.ListAsync(_office.Advisor, new FeedbackFilter(Search: "skylt"))).Single().Id.ShouldBe(onTime);
    }

    [Fact]
    public async Task ShouldAddImportedMonthsToTheTrendWhenEarlierYearsAreImported()
    {
        var import = new FeedbackHistoryImport(_office.Db);
        var refused = await import.ImportAsync(_office.Manager, "År;Månad;Slag;Antal\n2025;11;Klagomål;4\n2025;13;Beröm;2\n");
        refused.Errors.ShouldHaveSingleItem().ShouldContain("Rad 3");
        await using (var db = _office.Db.CreateDbContext())
        {
            (await db.FeedbackMonthlyCounts.CountAsync()).ShouldBe(0, "all rows or nothing");
        }

        var result = await import.ImportAsync(_office.Manager, "År;Månad;Slag;Antal\n2025;11;Klagomål;4\n2025;11;beröm;2\n2024;11;Medborgarförslag;1\n");
        result.Imported.ShouldBe(3);
        await _office.Commands.RegisterAsync(_office.Advisor, FeedbackTestOffice.ComplaintWithContact);

        var figures = (await _office.Statistics.GetAsync(_office.Office.Id, StatisticsPeriod.Month(2026, 11)))!;

        figures.Total.ShouldBe(1);
        figures.Trend.ShouldBe([new FeedbackTrendYear(2024, 1), new FeedbackTrendYear(2025, 6)]);
    }

    /// <summary>The stored columns themselves, read past the model (on either provider).</summary>
    private async Task<string?[]> RawContactAsync(int id)
    {
        await using var db = _office.Db.CreateDbContext();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT \"ContactName\", \"ContactEmail\", \"ContactPhone\", \"ContactPostalAddress\" FROM \"FeedbackItems\" WHERE \"Id\" = @id";
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@id";
        parameter.Value = id;
        command.Parameters.Add(parameter);
        await using var reader = await command.ExecuteReaderAsync();
        (await reader.ReadAsync()).ShouldBeTrue();
        return Enumerable.Range(0, 4).Select(i => reader.IsDBNull(i) ? null : reader.GetString(i)).ToArray();
    }
}
