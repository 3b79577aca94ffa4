using Mbk.Domain.Common;
using Mbk.Domain.Reports;

namespace Mbk.Portal.Tests.Domain.Reports;

public sealed class TertialReportDispatchTests
{
    private static readonly DateTimeOffset Now = new(2026, 5, 4, 7, 0, 0, TimeSpan.FromHours(2));
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(15);

    private static TertialReportDispatch NewRow() => TertialReportDispatch.Record(3, new TertialKey(2026, 1), Now);

    [Fact]
    public void ShouldRefuseASecondInstanceWhenTheFirstHoldsALiveLease()
    {
        var row = NewRow();
        row.TryClaim("a", Now, Lease).ShouldBe(ClaimOutcome.Claimed);

        row.TryClaim("b", Now.AddMinutes(5), Lease).ShouldBe(ClaimOutcome.HeldByOther);
        row.ClaimedBy.ShouldBe("a");
    }

    [Fact]
    public void ShouldLetAnotherInstanceTakeOverWhenTheLeaseRanOutBeforeSubmission()
    {
        var row = NewRow();
        row.TryClaim("a", Now, Lease);

        row.TryClaim("b", Now.AddMinutes(16), Lease).ShouldBe(ClaimOutcome.Claimed);
        row.ClaimedBy.ShouldBe("b");
        row.Attempts.ShouldBe(2);
    }

    [Fact]
    public void ShouldBecomeUncertainInsteadOfClaimableWhenTheLeaseRanOutAfterSubmissionBegan()
    {
        var row = NewRow();
        row.TryClaim("a", Now, Lease);
        row.BeginSubmission("a", Now.AddMinutes(1));

        row.TryClaim("b", Now.AddMinutes(16), Lease).ShouldBe(ClaimOutcome.Uncertain);
        row.Status.ShouldBe(DispatchStatus.Uncertain);
        row.TryClaim("b", Now.AddMinutes(30), Lease).ShouldBe(ClaimOutcome.Uncertain);
    }

    [Fact]
    public void ShouldNeverBeClaimedAgainWhenSent()
    {
        var row = NewRow();
        row.TryClaim("a", Now, Lease);
        row.BeginSubmission("a", Now);
        row.MarkSent("a", 9, Now.AddMinutes(1));

        row.TryClaim("b", Now.AddDays(1), Lease).ShouldBe(ClaimOutcome.AlreadySent);
        row.SentReportId.ShouldBe(9);
        Should.Throw<DomainException>(() => row.ClaimForManager("manager", Now.AddDays(1), Lease)).Message.ShouldContain("Skicka om");
    }

    [Fact]
    public void ShouldBeClaimableAgainWithTheErrorKeptWhenTheAttemptFailed()
    {
        var row = NewRow();
        row.TryClaim("a", Now, Lease);
        row.MarkFailed("a", "E-postservern svarar inte.", Now);

        row.Status.ShouldBe(DispatchStatus.Failed);
        row.LastError.ShouldBe("E-postservern svarar inte.");
        row.TryClaim("a", Now.AddMinutes(1), Lease).ShouldBe(ClaimOutcome.Claimed);
    }

    [Fact]
    public void ShouldRefuseToRecordTheOutcomeWhenTheInstanceNoLongerHoldsTheLease()
    {
        var row = NewRow();
        row.TryClaim("a", Now, Lease);
        row.TryClaim("b", Now.AddMinutes(16), Lease);

        Should.Throw<DomainException>(() => row.MarkSent("a", 1, Now.AddMinutes(17)));
    }

    [Fact]
    public void ShouldRefuseAManagersSendWhileTheScheduleHoldsIt()
    {
        var row = NewRow();
        row.TryClaim("job", Now, Lease);

        Should.Throw<DomainException>(() => row.ClaimForManager("manager", Now.AddMinutes(1), Lease)).Message.ShouldContain("skickas just nu");
    }
}
