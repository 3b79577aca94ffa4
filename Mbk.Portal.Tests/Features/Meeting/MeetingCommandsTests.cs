using Mbk.Domain.Common;
using Mbk.Domain.Meeting;
using Mbk.Domain.Offices;
using Mbk.Portal.Features.Identity;
using Mbk.Portal.Features.Meeting;
using Mbk.Portal.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Mbk.Portal.Tests.Features.Meeting;

/// <summary>The morning meeting's service layer on a real SQLite file.</summary>
[Trait("Providers", "Both")]
public sealed class MeetingCommandsTests : IAsyncLifetime
{
    // Tuesday 24 November 2026, 08:00 in Stockholm.
    private static readonly DateTimeOffset Tuesday8 = new(2026, 11, 24, 7, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _clock = new(Tuesday8);
    private TestDatabase _database = default!;
    private Office _office = default!;
    private MeetingCommands _commands = default!;
    private MeetingQueries _queries = default!;
    private StaffContext _chair = default!;
    private StaffContext _advisor = default!;
    private StaffContext _manager = default!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _office = await _database.AddOfficeAsync("Medborgarkontoret Möte", "mote-" + Guid.NewGuid().ToString("N")[..8]);
        _commands = new MeetingCommands(_database, _clock);
        _queries = new MeetingQueries(_database, _clock);
        _chair = TestDatabase.Staff(_office, StaffRoles.Advisor) with { DisplayName = "Olsson" };
        _advisor = TestDatabase.Staff(_office, StaffRoles.Advisor) with { DisplayName = "Ahmed" };
        _manager = TestDatabase.Staff(_office, StaffRoles.Manager);
        await _database.AddStaffAsync(_office, _chair, _advisor, _manager);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task ShouldBuildTodaysAgendaOnceWithTheOpenPoints()
    {
        await _commands.ProposePointAsync(_advisor, "Trasig skrivare", "Skrivaren vid bord 2");

        var id = await _commands.GetOrCreateTodaysMeetingAsync(_chair);
        (await _commands.GetOrCreateTodaysMeetingAsync(_advisor)).ShouldBe(id);
        await _commands.ProposePointAsync(_advisor, "Sen punkt", null);

        var meeting = (await _queries.TodayAsync(_advisor))!;
        meeting.Id.ShouldBe(id);
        meeting.Date.ShouldBe(new DateOnly(2026, 11, 24));
        meeting.Status.ShouldBe(MeetingStatus.Planned);
        meeting.Items.Select(i => i.Title).ShouldBe(
            ["Gårdagens siffror", "Dagens bemanning", "Synpunkter från besökare", "Information", "Trasig skrivare", "Sen punkt", "Övrigt"]);
        meeting.Items[4].PointText.ShouldBe("Skrivaren vid bord 2");
        meeting.Items[4].PointProposedBy.ShouldBe("Ahmed");
    }

    [Fact]
    public async Task ShouldUseTheManagersTemplateAndRefuseItToOthers()
    {
        await Should.ThrowAsync<DomainException>(() => _commands.SetTemplateAsync(_advisor, AgendaTemplateKind.Daily, ["Bara detta"]));
        await _commands.SetTemplateAsync(_manager, AgendaTemplateKind.Daily, ["Dagens bemanning", "Övrigt"]);

        await _commands.GetOrCreateTodaysMeetingAsync(_chair);

        (await _queries.TodayAsync(_chair))!.Items.Select(i => i.Title).ShouldBe(["Dagens bemanning", "Övrigt"]);
        (await _queries.TemplateAsync(_chair, AgendaTemplateKind.Monday)).ShouldContain("Veckoplanering");
    }

    [Fact]
    public async Task ShouldRefuseTheSecondSaveOfTheSameNotesVersion()
    {
        var id = await _commands.GetOrCreateTodaysMeetingAsync(_chair);
        await _commands.StartAsync(_chair, id);
        var version = (await _queries.TodayAsync(_advisor))!.Items[0].NotesVersion;

        await _commands.SaveNotesAsync(_chair, id, 0, "142 besökare i går.", version);
        var refusal = await Should.ThrowAsync<DomainException>(() => _commands.SaveNotesAsync(_advisor, id, 0, "Min version", version));

        refusal.Message.ShouldContain("har ändrats av någon annan");
        refusal.Message.ShouldContain("142 besökare i går.");
        var item = (await _queries.TodayAsync(_advisor))!.Items[0];
        item.Notes.ShouldBe("142 besökare i går.");
        item.NotesVersion.ShouldBe(version + 1);
    }

    [Fact]
    public async Task ShouldKeepAClosedMeetingsDecisionsUnchangedInTheDatabase()
    {
        var id = await _commands.GetOrCreateTodaysMeetingAsync(_chair);
        await _commands.StartAsync(_chair, id);
        var decisionId = await _commands.RecordDecisionAsync(_chair, id, 3,
            new DecisionInput("Vi öppnar disken 08:45.", DecisionCategory.Rutin, "Chefen", new DateOnly(2026, 12, 1)));
        await _commands.EditDecisionAsync(_chair, decisionId,
            new DecisionInput("Vi öppnar disken 08:40.", DecisionCategory.Rutin, "Chefen", new DateOnly(2026, 12, 1)));
        await _commands.CloseAsync(_chair, id);

        var refusal = await Should.ThrowAsync<DomainException>(() => _commands.EditDecisionAsync(_manager, decisionId,
            new DecisionInput("Ändrad i efterhand", DecisionCategory.Ovrigt, null, null)));

        refusal.Message.ShouldContain("avslutat möte");
        await using var db = _database.CreateDbContext();
        var stored = await db.Decisions.AsNoTracking().SingleAsync(d => d.Id == decisionId);
        stored.Text.ShouldBe("Vi öppnar disken 08:40.");
        stored.Category.ShouldBe(DecisionCategory.Rutin);
        stored.ResponsibleName.ShouldBe("Chefen");
        stored.Status.ShouldBe(DecisionStatus.Gallande);
        await Should.ThrowAsync<DomainException>(() => _commands.RecordDecisionAsync(_chair, id, 0,
            new DecisionInput("Efter mötet", DecisionCategory.Rutin, null, null)));
    }

    [Fact]
    public async Task ShouldSupersedeADecisionFromALaterMeetingAndShowBothInTheBinder()
    {
        var tuesday = await _commands.GetOrCreateTodaysMeetingAsync(_chair);
        await _commands.StartAsync(_chair, tuesday);
        var oldId = await _commands.RecordDecisionAsync(_chair, tuesday, 3,
            new DecisionInput("Kvällsöppet torsdagar till 19.", DecisionCategory.Arbetssatt, "Sara", new DateOnly(2026, 11, 25)));
        await _commands.CloseAsync(_chair, tuesday);

        _clock.Advance(TimeSpan.FromDays(1));
        var wednesday = await _commands.GetOrCreateTodaysMeetingAsync(_chair);
        var agenda = (await _queries.TodayAsync(_chair))!;
        var review = agenda.Items.Where(i => i.Kind == AgendaItemKind.DecisionReview).ShouldHaveSingleItem();
        review.DecisionId.ShouldBe(oldId);
        await _commands.StartAsync(_advisor, wednesday);
        await _commands.GoToAsync(_advisor, wednesday, review.Index);
        var newId = await _commands.SupersedeDecisionAsync(_advisor, wednesday, review.Index, oldId,
            new DecisionInput("Kvällsöppet torsdagar till 20.", DecisionCategory.Arbetssatt, "Sara", null));
        await _commands.CloseAsync(_advisor, wednesday);

        var binder = await _queries.DecisionsAsync(_chair, new DecisionFilter());
        binder.Select(d => d.Id).ShouldBe([newId, oldId]);
        binder[0].SupersedesId.ShouldBe(oldId);
        binder[0].ItemTitle.ShouldStartWith("Uppföljning av beslut");
        binder[1].Status.ShouldBe(DecisionStatus.Ersatt);
        binder[1].SupersededById.ShouldBe(newId);
        binder[1].MeetingDate.ShouldBe(new DateOnly(2026, 11, 24));
        (await _queries.DecisionsAsync(_chair, new DecisionFilter(Search: "till 20"))).ShouldHaveSingleItem().Id.ShouldBe(newId);
        (await _queries.DecisionsAsync(_chair, new DecisionFilter(Person: "sara"))).Count.ShouldBe(2);
        (await _queries.DecisionsAsync(_chair, new DecisionFilter(Category: DecisionCategory.Lokal))).ShouldBeEmpty();
        (await _queries.DecisionsAsync(_chair, new DecisionFilter(From: new DateOnly(2026, 11, 25)))).ShouldHaveSingleItem().Id.ShouldBe(newId);
    }

    [Fact]
    public async Task ShouldRollOverPointsAndActionItemsToTheNextMeeting()
    {
        await _commands.ProposePointAsync(_advisor, "Punkt ett", null);
        await _commands.ProposePointAsync(_advisor, "Punkt två", null);
        var tuesday = await _commands.GetOrCreateTodaysMeetingAsync(_chair);
        await _commands.StartAsync(_chair, tuesday);
        await _commands.GoToAsync(_chair, tuesday, 4);
        await Should.ThrowAsync<DomainException>(() => _commands.GoToAsync(_advisor, tuesday, 5));
        var actionId = await _commands.AddActionItemAsync(_chair, tuesday, 4, "Ring IT om skrivaren", "Ahmed", _advisor.UserId, new DateOnly(2026, 11, 24));
        await _commands.MarkAttendanceAsync(_chair, tuesday, _advisor.UserId, _advisor.DisplayName, present: true);
        await _commands.CloseAsync(_chair, tuesday);

        (await _queries.OpenActionItemsAsync(_advisor, _advisor.UserId)).ShouldHaveSingleItem().IsOverdue.ShouldBeFalse();
        _clock.Advance(TimeSpan.FromDays(1));
        await _commands.GetOrCreateTodaysMeetingAsync(_chair);
        var wednesday = (await _queries.TodayAsync(_chair))!;

        wednesday.Items.Where(i => i.Kind == AgendaItemKind.Point).Select(i => i.Title).ShouldBe(["Punkt två"]);
        wednesday.Items.Where(i => i.Kind == AgendaItemKind.ActionFollowUp).ShouldHaveSingleItem().ActionItemId.ShouldBe(actionId);
        (await _queries.OpenActionItemsAsync(_advisor)).ShouldHaveSingleItem().IsOverdue.ShouldBeTrue();
        await _commands.CompleteActionItemAsync(_advisor, actionId);
        (await _queries.OpenActionItemsAsync(_advisor)).ShouldBeEmpty();
        (await _queries.MeetingAsync(_chair, tuesday))!.Attendees.Select(a => a.DisplayName).ShouldBe(["Olsson", "Ahmed"], ignoreOrder: true);
    }

    [Fact]
    public async Task ShouldPublishTheCurrentPointAndNewDecisionsAfterTheCommit()
    {
        var received = new List<Mbk.Domain.Common.IOfficeEvent>();
        using var subscription = _database.Bus.Subscribe(_office.Id, e =>
        {
            lock (received)
            {
                received.Add(e);
            }

            return Task.CompletedTask;
        });
        var id = await _commands.GetOrCreateTodaysMeetingAsync(_chair);
        await _commands.StartAsync(_chair, id);

        await _commands.GoToAsync(_chair, id, 1);
        var decisionId = await _commands.RecordDecisionAsync(_chair, id, 1, new DecisionInput("Två i disken på måndagar.", DecisionCategory.Arbetssatt, null, null));

        await _database.Bus.WhenDeliveredAsync();
        received.ShouldContain(new MeetingPointChanged(_office.Id, id, 1));
        received.OfType<DecisionRecorded>().ShouldHaveSingleItem().DecisionId.ShouldBe(decisionId);
        received.OfType<MeetingStarted>().ShouldHaveSingleItem().MeetingId.ShouldBe(id);
    }

    [Fact]
    public async Task ShouldCountUnreadDecisionsPerUserAndShowManagersWhoRead()
    {
        var id = await _commands.GetOrCreateTodaysMeetingAsync(_chair);
        await _commands.StartAsync(_chair, id);
        var first = await _commands.RecordDecisionAsync(_chair, id, 0, new DecisionInput("Beslut ett", DecisionCategory.Rutin, null, null));
        var second = await _commands.RecordDecisionAsync(_chair, id, 0, new DecisionInput("Beslut två", DecisionCategory.Lokal, null, null));

        (await _queries.UnreadDecisionIdsAsync(_advisor)).ShouldBe([second, first]);
        await _commands.MarkDecisionsReadAsync(_advisor, [first]);
        await _commands.MarkDecisionsReadAsync(_advisor, [first, second]);

        (await _queries.UnreadDecisionIdsAsync(_advisor)).ShouldBeEmpty();
        (await _queries.UnreadDecisionIdsAsync(_chair)).ShouldBeEmpty("the chair recorded them");
        (await _queries.UnreadDecisionIdsAsync(_manager)).Count.ShouldBe(2);
        (await _queries.ReadersAsync(_manager, first)).ShouldHaveSingleItem().UserId.ShouldBe(_advisor.UserId);
        await Should.ThrowAsync<DomainException>(() => _queries.ReadersAsync(_advisor, first));
    }

    [Fact]
    public async Task ShouldCloseYesterdaysMeetingLeftRunningWhenTodaysIsPlanned()
    {
        await _commands.ProposePointAsync(_advisor, "Punkt ett", null);
        var tuesday = await _commands.GetOrCreateTodaysMeetingAsync(_chair);
        await _commands.StartAsync(_chair, tuesday);
        await _commands.GoToAsync(_chair, tuesday, 4);
        var decisionId = await _commands.RecordDecisionAsync(_chair, tuesday, 4, new DecisionInput("Glömt avsluta", DecisionCategory.Ovrigt, null, null));

        _clock.Advance(TimeSpan.FromDays(1));
        await _commands.GetOrCreateTodaysMeetingAsync(_chair);

        (await _queries.MeetingAsync(_chair, tuesday))!.Status.ShouldBe(MeetingStatus.Closed);
        (await _queries.TodayAsync(_chair))!.Items.ShouldNotContain(i => i.Kind == AgendaItemKind.Point);
        await Should.ThrowAsync<DomainException>(() => _commands.EditDecisionAsync(_chair, decisionId, new DecisionInput("Ändrad", DecisionCategory.Ovrigt, null, null)));
    }

    [Fact]
    public async Task ShouldKeepEachCorrectedVersionInTheHistoryAndLetOnlyTheChairCorrect()
    {
        var id = await _commands.GetOrCreateTodaysMeetingAsync(_chair);
        await _commands.StartAsync(_chair, id);
        var decisionId = await _commands.RecordDecisionAsync(_chair, id, 0,
            new DecisionInput("Vi öppnar disken 08:45.", DecisionCategory.Rutin, null, null, _advisor.UserId));

        await Should.ThrowAsync<DomainException>(() => _commands.EditDecisionAsync(_advisor, decisionId,
            new DecisionInput("Av någon annan", DecisionCategory.Rutin, null, null)));
        _clock.Advance(TimeSpan.FromMinutes(3));
        await _commands.EditDecisionAsync(_chair, decisionId,
            new DecisionInput("Vi öppnar disken 08:30.", DecisionCategory.Arbetssatt, Decision.EveryoneName, new DateOnly(2026, 12, 8)));

        var view = (await _queries.DecisionsAsync(_advisor, new DecisionFilter())).ShouldHaveSingleItem();
        view.Text.ShouldBe("Vi öppnar disken 08:30.");
        view.ResponsibleName.ShouldBe("Alla");
        view.ResponsibleUserId.ShouldBeNull();
        view.Version.ShouldBe(2);
        view.CorrectedByName.ShouldBe("Olsson");
        view.History.Select(h => (h.Version, h.Text, h.ResponsibleName)).ShouldBe(
            [(1, "Vi öppnar disken 08:45.", "Ahmed"), (2, "Vi öppnar disken 08:30.", "Alla")]);
        view.History[1].WrittenAt.ShouldBe(Tuesday8.AddMinutes(3));

        await _commands.CloseAsync(_chair, id);
        await Should.ThrowAsync<DomainException>(() => _commands.EditDecisionAsync(_chair, decisionId,
            new DecisionInput("Efter mötet", DecisionCategory.Rutin, null, null)));
        (await _queries.DecisionAsync(_chair, decisionId))!.History.Count.ShouldBe(2);
    }

    [Fact]
    public async Task ShouldStoreTheChosenStaffMembersOwnNameAndRefuseSomeoneOutsideTheOffice()
    {
        var id = await _commands.GetOrCreateTodaysMeetingAsync(_chair);
        await _commands.StartAsync(_chair, id);

        var decisionId = await _commands.RecordDecisionAsync(_chair, id, 0, new DecisionInput("Text", DecisionCategory.Rutin, "fel namn", null, _advisor.UserId));
        var actionId = await _commands.AddActionItemAsync(_chair, id, 0, "Ring IT", "fel namn", _advisor.UserId, new DateOnly(2026, 11, 25));

        var decision = (await _queries.DecisionAsync(_chair, decisionId))!;
        (decision.ResponsibleName, decision.ResponsibleUserId).ShouldBe(("Ahmed", _advisor.UserId));
        (await _queries.MyOpenActionItemsAsync(_advisor)).ShouldHaveSingleItem().WhoName.ShouldBe("Ahmed");
        (await _queries.MyOpenActionItemsAsync(_chair)).ShouldBeEmpty();
        await Should.ThrowAsync<DomainException>(() => _commands.RecordDecisionAsync(_chair, id, 0,
            new DecisionInput("Text", DecisionCategory.Rutin, null, null, "user-elsewhere")));
        await Should.ThrowAsync<DomainException>(() => _commands.AddActionItemAsync(_chair, id, 0, "Ring IT", "x", "user-elsewhere", new DateOnly(2026, 11, 25)));
        actionId.ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task ShouldRepealFromALaterMeetingOnlyByItsChairAndLinkBothWays()
    {
        var tuesday = await _commands.GetOrCreateTodaysMeetingAsync(_chair);
        await _commands.StartAsync(_chair, tuesday);
        var oldId = await _commands.RecordDecisionAsync(_chair, tuesday, 0, new DecisionInput("Kvällsöppet torsdagar.", DecisionCategory.Arbetssatt, null, null));
        await _commands.CloseAsync(_chair, tuesday);
        _clock.Advance(TimeSpan.FromDays(1));
        var wednesday = await _commands.GetOrCreateTodaysMeetingAsync(_chair);
        await _commands.StartAsync(_chair, wednesday);

        await Should.ThrowAsync<DomainException>(() => _commands.RepealDecisionAsync(_advisor, wednesday, 0, oldId, "Inte ordförande"));
        var repealId = await _commands.RepealDecisionAsync(_chair, wednesday, 0, oldId, "Ingen personal på kvällarna.");

        var old = (await _queries.DecisionAsync(_advisor, oldId))!;
        old.Status.ShouldBe(DecisionStatus.Upphavd);
        old.SupersededBy!.Id.ShouldBe(repealId);
        old.Chain.Select(c => c.Id).ShouldBe([oldId, repealId]);
        var repeal = (await _queries.DecisionAsync(_advisor, repealId))!;
        repeal.Text.ShouldContain("Ingen personal på kvällarna.");
        repeal.Supersedes!.Status.ShouldBe(DecisionStatus.Upphavd);
        (await _queries.DecisionsAsync(_advisor, new DecisionFilter(Status: DecisionStatus.Upphavd))).ShouldHaveSingleItem().Id.ShouldBe(oldId);
        (await _queries.DecisionsAsync(_advisor, new DecisionFilter(Status: DecisionStatus.Gallande))).ShouldHaveSingleItem().Id.ShouldBe(repealId);
    }

    [Fact]
    public async Task ShouldSearchWholeWordsAndPrefixesWithSwedishLettersKeptApart()
    {
        var id = await _commands.GetOrCreateTodaysMeetingAsync(_chair);
        await _commands.StartAsync(_chair, id);
        var annual = await _commands.RecordDecisionAsync(_chair, id, 0, new DecisionInput("Årsmötet hålls i maj.", DecisionCategory.Information, null, null));
        var workplace = await _commands.RecordDecisionAsync(_chair, id, 0, new DecisionInput("Arbetsplatsträff varje månad.", DecisionCategory.Rutin, null, null));
        var hours = await _commands.RecordDecisionAsync(_chair, id, 0, new DecisionInput("Öppettider ändras i juli.", DecisionCategory.Lokal, null, null, _advisor.UserId));

        async Task<IReadOnlyList<int>> Search(string text) => (await _queries.DecisionsAsync(_advisor, new DecisionFilter(Search: text))).Select(d => d.Id).Order().ToList();

        (await Search("å")).ShouldBe([annual]);
        (await Search("a")).ShouldBe([workplace, hours], "Arbetsplatsträff, and Ahmed as responsible; never Årsmötet");
        (await Search("ö")).ShouldBe([hours]);
        (await Search("Ö")).ShouldBe([hours]);
        (await Search("ÖPPETTIDER")).ShouldBe([hours]);
        (await Search("årsmöte")).ShouldBe([annual]);
        (await Search("mötet")).ShouldBeEmpty("only whole words and their beginnings match");
        (await Search("lokal")).ShouldBe([hours]);
        (await Search("ahmed")).ShouldBe([hours]);
        (await Search("\"maj -")).ShouldBe([annual], "quotes and operators are taken as text");
        (await Search("hittegods")).ShouldBeEmpty();

        var version = (await _queries.TodayAsync(_chair))!.Items[0].NotesVersion;
        await _commands.SaveNotesAsync(_chair, id, 0, "Vi pratade om hittegods.", version);
        (await Search("hittegods")).ShouldBe(new[] { annual, workplace, hours }.Order().ToList());

        await _commands.EditDecisionAsync(_chair, workplace, new DecisionInput("Personalträff varje månad.", DecisionCategory.Rutin, null, null));
        (await Search("arbetsplatsträff")).ShouldBeEmpty();
        (await Search("personalträff")).ShouldBe([workplace]);
    }

    [Fact]
    public async Task ShouldTickTheChairWhenStartingAndLetOnlyTheChairTickOthers()
    {
        var id = await _commands.GetOrCreateTodaysMeetingAsync(_chair);
        await _commands.StartAsync(_chair, id);

        await Should.ThrowAsync<DomainException>(() => _commands.MarkAttendanceAsync(_advisor, id, _manager.UserId, _manager.DisplayName, present: true));
        await _commands.MarkAttendanceAsync(_advisor, id, _advisor.UserId, _advisor.DisplayName, present: true);
        await _commands.MarkAttendanceAsync(_chair, id, _manager.UserId, _manager.DisplayName, present: true);

        (await _queries.TodayAsync(_chair))!.Attendees.Select(a => a.UserId).ShouldBe([_chair.UserId, _advisor.UserId, _manager.UserId], ignoreOrder: true);
    }
}
