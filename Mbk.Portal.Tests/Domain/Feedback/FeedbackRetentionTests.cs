using Mbk.Domain.Feedback;
using static Mbk.Portal.Tests.Domain.Feedback.FeedbackTestData;

namespace Mbk.Portal.Tests.Domain.Feedback;

public class FeedbackRetentionTests
{
    [Fact]
    public void ShouldEndTwentyFourMonthsAfterClosingWhenTheDefaultApplies()
    {
        var item = ItemAt(FeedbackStatus.Avslutad);

        item.ClosedOn.ShouldBe(Today);
        item.ContactRetentionEndsOn(FeedbackRetention.DefaultMonths).ShouldBe(new DateOnly(2028, 11, 23));
    }

    [Fact]
    public void ShouldUseTheMonthsLastDayWhenTheClosingDayDoesNotExistThen()
    {
        FeedbackRetention.EndsOn(new DateOnly(2026, 8, 31), 6).ShouldBe(new DateOnly(2027, 2, 28));
        FeedbackRetention.EndsOn(new DateOnly(2027, 8, 31), 6).ShouldBe(new DateOnly(2028, 2, 29));
    }

    [Theory]
    [InlineData(FeedbackStatus.Mottagen)]
    [InlineData(FeedbackStatus.UnderHandlaggning)]
    [InlineData(FeedbackStatus.Besvarad)]
    [InlineData(FeedbackStatus.Vidarebefordrad)]
    public void ShouldHaveNoRetentionDateWhenNotClosed(FeedbackStatus status)
    {
        ItemAt(status).ContactRetentionEndsOn(24).ShouldBeNull();
    }
}
