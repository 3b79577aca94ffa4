using Mbk.Domain.Common;
using Mbk.Domain.Statistics;
using static Mbk.Portal.Tests.Domain.Statistics.StatisticsTestData;

namespace Mbk.Portal.Tests.Domain.Statistics;

public class QuestionCategoryTests
{
    private static readonly DateTimeOffset RenamedAt = new(2026, 5, 1, 8, 0, 0, TimeSpan.FromHours(2));

    [Fact]
    public void ShouldStartHistoryAtStartOfTimeWhenCreated()
    {
        var category = QuestionCategory.Create(OfficeId, " Bostadsfrågor ", 4);

        category.Name.ShouldBe("Bostadsfrågor");
        category.SortOrder.ShouldBe(4);
        category.IsActive.ShouldBeTrue();
        category.RetiredAt.ShouldBeNull();
        category.NameHistory.Count.ShouldBe(1);
        category.NameHistory[0].Name.ShouldBe("Bostadsfrågor");
        category.NameHistory[0].ValidFrom.ShouldBe(DateTimeOffset.MinValue);
        category.NameAt(new DateTimeOffset(1990, 1, 1, 0, 0, 0, TimeSpan.Zero)).ShouldBe("Bostadsfrågor");
        category.TakeEvents().ShouldBe([new QuestionCategoriesChanged(OfficeId)]);
    }

    [Fact]
    public void ShouldRefuseWhenNameIsMissing()
    {
        Should.Throw<DomainException>(() => QuestionCategory.Create(OfficeId, " ", 1)).Message.ShouldBe("Ärendeslagets namn måste fyllas i.");
    }

    [Fact]
    public void ShouldRefuseWhenSortOrderIsNegative()
    {
        Should.Throw<DomainException>(() => QuestionCategory.Create(OfficeId, "Polisen", -1)).Message.ShouldBe("Sorteringsordningen kan inte vara negativ.");
    }

    [Fact]
    public void ShouldKeepOldNameForEarlierInstantsWhenRenamed()
    {
        var category = WithEventsTaken(Category("Barnomsorg"));

        category.Rename("Förskola", RenamedAt);

        category.Name.ShouldBe("Förskola");
        category.NameAt(RenamedAt.AddTicks(-1)).ShouldBe("Barnomsorg");
        category.NameAt(RenamedAt).ShouldBe("Förskola");
        category.NameAt(RenamedAt.AddYears(1)).ShouldBe("Förskola");
        category.NameHistory.Select(n => (n.Name, n.ValidFrom)).ShouldBe([("Barnomsorg", DateTimeOffset.MinValue), ("Förskola", RenamedAt)]);
        category.TakeEvents().ShouldBe([new QuestionCategoriesChanged(OfficeId)]);
    }

    [Fact]
    public void ShouldFindEachNameWhenRenamedTwice()
    {
        var category = Category("Barnomsorg");
        category.Rename("Förskola", RenamedAt);
        category.Rename("Förskola och fritids", RenamedAt.AddMonths(6));

        category.NameAt(RenamedAt.AddDays(-1)).ShouldBe("Barnomsorg");
        category.NameAt(RenamedAt.AddDays(1)).ShouldBe("Förskola");
        category.NameAt(RenamedAt.AddMonths(7)).ShouldBe("Förskola och fritids");
        category.NameHistory.Count.ShouldBe(3);
    }

    [Fact]
    public void ShouldChangeNothingWhenRenamedToSameName()
    {
        var category = WithEventsTaken(Category("Polisen"));

        category.Rename(" Polisen ", RenamedAt);

        category.NameHistory.Count.ShouldBe(1);
        category.PendingEvents.ShouldBeEmpty();
    }

    [Fact]
    public void ShouldRefuseRenameWhenDatedBeforeLatestRename()
    {
        var category = Category("Barnomsorg");
        category.Rename("Förskola", RenamedAt);

        Should.Throw<DomainException>(() => category.Rename("Annat", RenamedAt.AddDays(-1)))
            .Message.ShouldBe("Ett namnbyte kan inte dateras före det senaste namnbytet.");
        category.Name.ShouldBe("Förskola");
    }

    [Fact]
    public void ShouldReplaceLatestNameWhenRenamedAgainAtSameInstant()
    {
        var category = Category("Barnomsorg");
        category.Rename("Forskola", RenamedAt);

        category.Rename("Förskola", RenamedAt);

        category.NameHistory.Select(n => n.Name).ShouldBe(["Barnomsorg", "Förskola"]);
    }

    [Fact]
    public void ShouldKeepNameWhenRenameIsRefused()
    {
        var category = Category("Polisen");

        Should.Throw<DomainException>(() => category.Rename(new string('x', 101), RenamedAt))
            .Message.ShouldBe("Ärendeslagets namn får vara högst 100 tecken (nu 101).");
        category.Name.ShouldBe("Polisen");
    }

    [Fact]
    public void ShouldRaiseChangedWhenReordered()
    {
        var category = WithEventsTaken(Category());

        category.Reorder(9);

        category.SortOrder.ShouldBe(9);
        category.TakeEvents().ShouldBe([new QuestionCategoriesChanged(OfficeId)]);
    }

    [Fact]
    public void ShouldRaiseNothingWhenReorderedToSameOrder()
    {
        var category = WithEventsTaken(Category());

        category.Reorder(1);

        category.PendingEvents.ShouldBeEmpty();
    }

    [Fact]
    public void ShouldRefuseReorderWhenSortOrderIsNegative()
    {
        Should.Throw<DomainException>(() => Category().Reorder(-2));
    }

    [Fact]
    public void ShouldRecordWhenRetired()
    {
        var category = WithEventsTaken(Category());

        category.Retire(Now);

        category.IsActive.ShouldBeFalse();
        category.RetiredAt.ShouldBe(Now);
        category.TakeEvents().ShouldBe([new QuestionCategoriesChanged(OfficeId)]);
    }

    [Fact]
    public void ShouldKeepFirstRetirementWhenRetiredAgain()
    {
        var category = Category();
        category.Retire(Now);
        category.TakeEvents();

        category.Retire(Now.AddDays(1));

        category.RetiredAt.ShouldBe(Now);
        category.PendingEvents.ShouldBeEmpty();
    }

    [Fact]
    public void ShouldClearRetirementWhenReactivated()
    {
        var category = Category();
        category.Retire(Now);
        category.TakeEvents();

        category.Reactivate();

        category.IsActive.ShouldBeTrue();
        category.RetiredAt.ShouldBeNull();
        category.TakeEvents().ShouldBe([new QuestionCategoriesChanged(OfficeId)]);
    }

    [Fact]
    public void ShouldRaiseNothingWhenActiveCategoryIsReactivated()
    {
        var category = WithEventsTaken(Category());

        category.Reactivate();

        category.PendingEvents.ShouldBeEmpty();
    }

    [Fact]
    public void ShouldStillBeNamedWhenRetiredAndRenamed()
    {
        var category = Category("Fax/kopiering");
        category.Retire(Now);

        category.Rename("Kopiering", Now.AddDays(1));

        category.NameAt(Now).ShouldBe("Fax/kopiering");
        category.Name.ShouldBe("Kopiering");
    }
}

public class ReferralTargetTests
{
    private static readonly DateTimeOffset RenamedAt = new(2026, 5, 1, 8, 0, 0, TimeSpan.FromHours(2));

    [Fact]
    public void ShouldRaiseChangedWhenCreated()
    {
        var target = ReferralTarget.Create(OfficeId, "Kronofogden", 2);

        target.NameHistory.Single().ValidFrom.ShouldBe(DateTimeOffset.MinValue);
        target.TakeEvents().ShouldBe([new ReferralTargetsChanged(OfficeId)]);
    }

    [Fact]
    public void ShouldKeepOldNameForEarlierInstantsWhenRenamed()
    {
        var target = WithEventsTaken(ReferralTarget.Create(OfficeId, "Budget- och skuldrådgivningen", 1));

        target.Rename("Budget- och skuldrådgivning", RenamedAt);

        target.NameAt(RenamedAt.AddDays(-1)).ShouldBe("Budget- och skuldrådgivningen");
        target.NameAt(RenamedAt).ShouldBe("Budget- och skuldrådgivning");
        target.TakeEvents().ShouldBe([new ReferralTargetsChanged(OfficeId)]);
    }

    [Fact]
    public void ShouldRaiseChangedWhenReorderedRetiredAndReactivated()
    {
        var target = WithEventsTaken(ReferralTarget.Create(OfficeId, "Skatteverket", 1));

        target.Reorder(3);
        target.Retire(Now);
        target.RetiredAt.ShouldBe(Now);
        target.IsActive.ShouldBeFalse();
        target.Reactivate();

        target.SortOrder.ShouldBe(3);
        target.IsActive.ShouldBeTrue();
        target.RetiredAt.ShouldBeNull();
        target.TakeEvents().Count.ShouldBe(3);
    }

    [Fact]
    public void ShouldRefuseReferralWhenTargetIsRetired()
    {
        var target = ReferralTarget.Create(OfficeId, "Skatteverket", 1);
        target.Retire(Now);

        Should.Throw<DomainException>(() => Referral.Record(target, Staff, Now)).Message.ShouldBe("Länkningen \"Skatteverket\" används inte längre.");
    }

    [Fact]
    public void ShouldRefuseWhenNameIsMissing()
    {
        Should.Throw<DomainException>(() => ReferralTarget.Create(OfficeId, "", 1)).Message.ShouldBe("Länkningens namn måste fyllas i.");
    }
}
