using Mbk.Domain.Common;
using Mbk.Domain.Statistics;
using static Mbk.Portal.Tests.Domain.Statistics.StatisticsTestData;

namespace Mbk.Portal.Tests.Domain.Statistics;

public class QuestionTallyTests
{
    private static readonly TimeSpan Window = QuestionTally.DefaultUndoWindow;

    [Fact]
    public void ShouldBeQueueTallyOfOneWhenRecordedWithTicket()
    {
        var tally = QuestionTally.Record(Category(), TallyChannel.Bord, Staff, Now, ticketId: 100);

        tally.Source.ShouldBe(TallySource.Queue);
        tally.Count.ShouldBe(1);
        tally.Granularity.ShouldBe(TallyGranularity.Instant);
        tally.RecordedAt.ShouldBe(Now);
        tally.TicketId.ShouldBe(100);
        tally.QuestionCategoryId.ShouldBe(21);
        tally.OfficeId.ShouldBe(OfficeId);
    }

    [Fact]
    public void ShouldBeTapWhenRecordedWithoutTicket()
    {
        QuestionTally.Record(Category(), TallyChannel.Disk, Staff, Now).Source.ShouldBe(TallySource.Tap);
    }

    [Fact]
    public void ShouldRaiseQuestionTalliedWithCountWhenRecorded()
    {
        var tally = QuestionTally.Record(Category(), TallyChannel.Disk, Staff, Now);

        tally.TakeEvents().ShouldBe([new QuestionTallied(OfficeId, 21, Now, 1)]);
    }

    [Fact]
    public void ShouldKeepLanguageAndGenderWhenTapped()
    {
        var tally = QuestionTally.RecordTap(Category(), TallyChannel.Disk, Staff, Now, " arabiska ", VisitorGender.Kvinna);

        tally.Source.ShouldBe(TallySource.Tap);
        tally.Count.ShouldBe(1);
        tally.Language.ShouldBe("arabiska");
        tally.Gender.ShouldBe(VisitorGender.Kvinna);
        tally.StaffUserId.ShouldBe(Staff);
        tally.TakeEvents().ShouldBe([new QuestionTallied(OfficeId, 21, Now, 1)]);
    }

    [Fact]
    public void ShouldLeaveLanguageEmptyWhenTappedWithBlankLanguage()
    {
        var tally = QuestionTally.RecordTap(Category(), TallyChannel.Disk, Staff, Now, "  ");

        tally.Language.ShouldBeNull();
        tally.Gender.ShouldBeNull();
    }

    [Fact]
    public void ShouldRefuseWhenLanguageIsLongerThanFortyCharacters()
    {
        var error = Should.Throw<DomainException>(() => QuestionTally.RecordTap(Category(), TallyChannel.Disk, Staff, Now, new string('a', 41)));

        error.Message.ShouldBe("Språket får vara högst 40 tecken (nu 41).");
    }

    [Fact]
    public void ShouldRefuseWhenCategoryIsRetired()
    {
        var category = Category("Fax/kopiering");
        category.Retire(Now.AddDays(-1));

        Should.Throw<DomainException>(() => QuestionTally.RecordTap(category, TallyChannel.Disk, Staff, Now))
            .Message.ShouldBe("Ärendeslaget \"Fax/kopiering\" används inte längre.");
        Should.Throw<DomainException>(() => QuestionTally.Record(category, TallyChannel.Disk, Staff, Now, 5));
    }

    [Fact]
    public void ShouldRecordDayTotalAtStartOfLocalDayWhenBatchIsEntered()
    {
        var tally = QuestionTally.RecordBatch(Category(), new DateOnly(2026, 11, 23), 42, Staff, Now, Stockholm);

        tally.Source.ShouldBe(TallySource.Batch);
        tally.Granularity.ShouldBe(TallyGranularity.Day);
        tally.Count.ShouldBe(42);
        tally.RecordedAt.ShouldBe(new DateTimeOffset(2026, 11, 23, 0, 0, 0, TimeSpan.FromHours(1)));
        tally.Channel.ShouldBe(TallyChannel.Disk);
        tally.TakeEvents().ShouldBe([new QuestionTallied(OfficeId, 21, tally.RecordedAt, 42)]);
    }

    [Fact]
    public void ShouldUseSummerOffsetWhenBatchDayIsInSummer()
    {
        var tally = QuestionTally.RecordBatch(Category(), new DateOnly(2026, 7, 1), 3, Staff, Now, Stockholm, TallyChannel.Telefon);

        tally.RecordedAt.ShouldBe(new DateTimeOffset(2026, 7, 1, 0, 0, 0, TimeSpan.FromHours(2)));
        tally.Channel.ShouldBe(TallyChannel.Telefon);
    }

    [Fact]
    public void ShouldAcceptBatchForTodayWhenEnteredDuringTheDay()
    {
        QuestionTally.RecordBatch(Category(), new DateOnly(2026, 11, 24), 1, Staff, Now, Stockholm).Count.ShouldBe(1);
    }

    [Fact]
    public void ShouldRefuseBatchWhenDayIsInTheFuture()
    {
        var error = Should.Throw<DomainException>(() => QuestionTally.RecordBatch(Category(), new DateOnly(2026, 11, 25), 1, Staff, Now, Stockholm));

        error.Message.ShouldBe("Dagen 2026-11-25 har inte varit än.");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(100_001)]
    public void ShouldRefuseBatchWhenCountIsOutsideOneToHundredThousand(int count)
    {
        var error = Should.Throw<DomainException>(() => QuestionTally.RecordBatch(Category(), new DateOnly(2026, 11, 23), count, Staff, Now, Stockholm));

        error.Message.ShouldBe(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Antalet måste vara 1–100000 (var {count})."));
    }

    [Fact]
    public void ShouldAcceptBatchWhenCountIsHundredThousand()
    {
        QuestionTally.RecordBatch(Category(), new DateOnly(2026, 11, 23), 100_000, Staff, Now, Stockholm).Count.ShouldBe(100_000);
    }

    [Fact]
    public void ShouldAcceptBatchWhenCategoryWasRetiredAfterThatDay()
    {
        var category = Category();
        category.Retire(Local(2026, 11, 23, 12));

        QuestionTally.RecordBatch(category, new DateOnly(2026, 11, 23), 5, Staff, Now, Stockholm).Count.ShouldBe(5);
    }

    [Fact]
    public void ShouldRefuseBatchWhenCategoryWasRetiredBeforeThatDay()
    {
        var category = Category();
        category.Retire(Local(2026, 11, 22, 12));

        var error = Should.Throw<DomainException>(() => QuestionTally.RecordBatch(category, new DateOnly(2026, 11, 23), 5, Staff, Now, Stockholm));

        error.Message.ShouldBe("Ärendeslaget \"Migrationsfrågor\" användes inte längre 2026-11-23.");
    }

    [Fact]
    public void ShouldRecordMonthAtStartOfLocalMonthWhenImported()
    {
        var tally = QuestionTally.Import(Category(), 2006, 7, 300, Stockholm);

        tally.Source.ShouldBe(TallySource.Import);
        tally.Granularity.ShouldBe(TallyGranularity.Month);
        tally.RecordedAt.ShouldBe(new DateTimeOffset(2006, 7, 1, 0, 0, 0, TimeSpan.FromHours(2)));
        tally.StaffUserId.ShouldBeNull();
        tally.Count.ShouldBe(300);
    }

    [Fact]
    public void ShouldRecordYearAtStartOfLocalYearWhenImportedWithoutMonth()
    {
        var tally = QuestionTally.Import(Category(), 2006, null, 3519, Stockholm);

        tally.Granularity.ShouldBe(TallyGranularity.Year);
        tally.RecordedAt.ShouldBe(new DateTimeOffset(2006, 1, 1, 0, 0, 0, TimeSpan.FromHours(1)));
        tally.TakeEvents().ShouldBe([new QuestionTallied(OfficeId, 21, tally.RecordedAt, 3519)]);
    }

    [Fact]
    public void ShouldAcceptRetiredCategoryWhenImported()
    {
        var category = Category();
        category.Retire(Now);

        QuestionTally.Import(category, 2006, null, 10, Stockholm).Count.ShouldBe(10);
    }

    [Fact]
    public void ShouldSumToRinkebyTotalWhenRinkeby2006IsImported()
    {
        var tallies = Rinkeby2006.Select((row, i) => QuestionTally.Import(Category(row.Category, i + 1), 2006, null, row.Count, Stockholm)).ToList();

        tallies.Count.ShouldBe(23);
        tallies.Sum(t => t.Count).ShouldBe(Rinkeby2006QuestionSum);
    }

    [Theory]
    [InlineData(0, "Antalet måste vara minst 1 (var 0).")]
    [InlineData(-3, "Antalet måste vara minst 1 (var -3).")]
    public void ShouldRefuseImportWhenCountIsBelowOne(int count, string message)
    {
        Should.Throw<DomainException>(() => QuestionTally.Import(Category(), 2006, 1, count, Stockholm)).Message.ShouldBe(message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(13)]
    public void ShouldRefuseImportWhenMonthIsOutsideOneToTwelve(int month)
    {
        Should.Throw<DomainException>(() => QuestionTally.Import(Category(), 2006, month, 5, Stockholm))
            .Message.ShouldBe(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Månaden måste vara 1–12 (var {month})."));
    }

    [Fact]
    public void ShouldRefuseImportWhenYearIsBefore1990()
    {
        Should.Throw<DomainException>(() => QuestionTally.Import(Category(), 1989, null, 5, Stockholm))
            .Message.ShouldBe("Året måste vara 1990 eller senare (var 1989).");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(5)]
    public void ShouldAllowUndoWhenOwnTapIsWithinWindow(int minutesLater)
    {
        var tally = QuestionTally.RecordTap(Category(), TallyChannel.Disk, Staff, Now);

        QuestionTally.CanUndo(tally, Staff, Now.AddMinutes(minutesLater), Window).ShouldBeTrue();
    }

    [Fact]
    public void ShouldRefuseUndoWhenWindowHasPassed()
    {
        var tally = QuestionTally.RecordTap(Category(), TallyChannel.Disk, Staff, Now);

        QuestionTally.CanUndo(tally, Staff, Now.AddMinutes(5).AddTicks(1), Window).ShouldBeFalse();
    }

    [Fact]
    public void ShouldRefuseUndoWhenTapIsAnotherUsers()
    {
        var tally = QuestionTally.RecordTap(Category(), TallyChannel.Disk, Staff, Now);

        QuestionTally.CanUndo(tally, OtherStaff, Now.AddMinutes(1), Window).ShouldBeFalse();
    }

    [Fact]
    public void ShouldRefuseUndoWhenTallyIsNotATap()
    {
        var queue = QuestionTally.Record(Category(), TallyChannel.Bord, Staff, Now, 100);
        var batch = QuestionTally.RecordBatch(Category(), new DateOnly(2026, 11, 24), 4, Staff, Now, Stockholm);
        var import = QuestionTally.Import(Category(), 2006, 1, 4, Stockholm);

        QuestionTally.CanUndo(queue, Staff, Now, Window).ShouldBeFalse();
        QuestionTally.CanUndo(batch, Staff, Now, Window).ShouldBeFalse();
        QuestionTally.CanUndo(import, Staff, Now, Window).ShouldBeFalse();
    }

    [Fact]
    public void ShouldUseGivenWindowWhenCheckingUndo()
    {
        var tally = QuestionTally.RecordTap(Category(), TallyChannel.Disk, Staff, Now);

        QuestionTally.CanUndo(tally, Staff, Now.AddMinutes(8), TimeSpan.FromMinutes(10)).ShouldBeTrue();
        QuestionTally.CanUndo(tally, Staff, Now.AddMinutes(2), TimeSpan.FromMinutes(1)).ShouldBeFalse();
    }

    [Fact]
    public void ShouldRaiseUndoneWhenMarkedUndoneWithinWindow()
    {
        var tally = WithEventsTaken(QuestionTally.RecordTap(Category(), TallyChannel.Disk, Staff, Now));

        tally.MarkUndone(Staff, Now.AddMinutes(1), Window);

        tally.TakeEvents().ShouldBe([new QuestionTallyUndone(OfficeId, 21, 1)]);
    }

    [Fact]
    public void ShouldRefuseMarkUndoneWhenUndoIsNotAllowed()
    {
        var tally = WithEventsTaken(QuestionTally.RecordTap(Category(), TallyChannel.Disk, Staff, Now));

        Should.Throw<DomainException>(() => tally.MarkUndone(OtherStaff, Now, Window)).Message.ShouldBe("Du kan bara ångra dina egna räkningar.");
        Should.Throw<DomainException>(() => tally.MarkUndone(Staff, Now.AddMinutes(6), Window)).Message.ShouldBe("Räkningen kan bara ångras inom 5 minuter.");
        tally.PendingEvents.ShouldBeEmpty();
    }

    [Fact]
    public void ShouldRefuseMarkUndoneWhenAlreadyUndone()
    {
        var tally = QuestionTally.RecordTap(Category(), TallyChannel.Disk, Staff, Now);
        tally.MarkUndone(Staff, Now, Window);

        Should.Throw<DomainException>(() => tally.MarkUndone(Staff, Now, Window)).Message.ShouldBe("Räkningen är redan ångrad.");
        QuestionTally.CanUndo(tally, Staff, Now, Window).ShouldBeFalse();
    }

    [Fact]
    public void ShouldRefuseMarkUndoneWhenTallyCameFromQueue()
    {
        var tally = QuestionTally.Record(Category(), TallyChannel.Bord, Staff, Now, 100);

        Should.Throw<DomainException>(() => tally.MarkUndone(Staff, Now, Window))
            .Message.ShouldBe("Bara en räkning som du har tryckt in själv kan ångras.");
    }
}
