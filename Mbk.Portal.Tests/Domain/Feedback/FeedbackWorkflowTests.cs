using Mbk.Domain.Common;
using Mbk.Domain.Feedback;
using static Mbk.Portal.Tests.Domain.Feedback.FeedbackTestData;

namespace Mbk.Portal.Tests.Domain.Feedback;

public class FeedbackWorkflowTests
{
    public static TheoryData<FeedbackStatus, FeedbackStatus> InvalidTransitions()
    {
        var data = new TheoryData<FeedbackStatus, FeedbackStatus>();
        foreach (var from in Enum.GetValues<FeedbackStatus>())
        {
            foreach (var to in Enum.GetValues<FeedbackStatus>())
            {
                if (to != FeedbackStatus.Mottagen && !FeedbackItem.CanMove(from, to))
                {
                    data.Add(from, to);
                }
            }
        }

        return data;
    }

    public static TheoryData<FeedbackStatus, FeedbackStatus> ValidTransitions()
    {
        var data = new TheoryData<FeedbackStatus, FeedbackStatus>();
        foreach (var from in Enum.GetValues<FeedbackStatus>())
        {
            foreach (var to in Enum.GetValues<FeedbackStatus>())
            {
                if (FeedbackItem.CanMove(from, to))
                {
                    data.Add(from, to);
                }
            }
        }

        return data;
    }

    [Fact]
    public void ShouldAllowExactlyTheDocumentedTransitionsWhenAskedForEveryPair()
    {
        var allowed = Enum.GetValues<FeedbackStatus>()
            .SelectMany(from => Enum.GetValues<FeedbackStatus>().Where(to => FeedbackItem.CanMove(from, to)).Select(to => $"{from}->{to}"))
            .ToList();

        allowed.ShouldBe(
        [
            "Mottagen->UnderHandlaggning", "Mottagen->Vidarebefordrad",
            "UnderHandlaggning->Besvarad", "UnderHandlaggning->Avslutad", "UnderHandlaggning->Vidarebefordrad",
            "Besvarad->Avslutad",
            "Vidarebefordrad->Avslutad",
        ], ignoreOrder: true);
        Enum.GetValues<FeedbackStatus>().ShouldAllBe(from => !FeedbackItem.CanMove(from, FeedbackStatus.Mottagen));
    }

    [Theory]
    [MemberData(nameof(InvalidTransitions))]
    public void ShouldRefuseWithSwedishMessageWhenTransitionIsInvalid(FeedbackStatus from, FeedbackStatus to)
    {
        var item = ItemAt(from);
        var historyBefore = item.History.Count;

        var refusal = Should.Throw<DomainException>(() => MoveTo(item, to));

        refusal.Message.ShouldStartWith("Synpunkten");
        item.Status.ShouldBe(from);
        item.History.Count.ShouldBe(historyBefore);
    }

    [Theory]
    [MemberData(nameof(ValidTransitions))]
    public void ShouldMoveAndRecordHistoryWhenTransitionIsValid(FeedbackStatus from, FeedbackStatus to)
    {
        var item = ItemAt(from);
        var historyBefore = item.History.Count;

        MoveTo(item, to);

        item.Status.ShouldBe(to);
        item.History.Count.ShouldBe(historyBefore + 1);
        item.History[^1].Status.ShouldBe(to);
        item.History[^1].ByName.ShouldBe(Manager.Name);
    }

    [Fact]
    public void ShouldKeepTheAnswerWhenSomeoneTriesToAnswerAgainOrReopen()
    {
        var item = ItemAt(FeedbackStatus.Besvarad);

        Should.Throw<DomainException>(() => item.RecordAnswer("Ett nytt svar", FeedbackChannel.Telefon, Manager, Now, Today))
            .Message.ShouldContain("kan inte ändras eller tas bort");
        Should.Throw<DomainException>(() => item.StartHandling(Manager, Now))
            .Message.ShouldContain("kan inte förlora sitt svar");
        item.Close(Manager, Now, Today);

        item.Answer.ShouldBe("Vi har ändrat rutinen.");
        item.AnswerChannel.ShouldBe(FeedbackChannel.Brev);
        item.AnsweredByName.ShouldBe(Manager.Name);
    }

    [Fact]
    public void ShouldNameTheRecipientWhenForwarded()
    {
        var item = ItemAt(FeedbackStatus.Mottagen);

        Should.Throw<DomainException>(() => item.Forward("  ", Manager, Now)).Message.ShouldBe("Mottagaren måste fyllas i.");
        item.Forward("Försäkringskassan", Manager, Now);

        item.ForwardedTo.ShouldBe("Försäkringskassan");
        item.History[^1].Text.ShouldBe("Vidarebefordrad till Försäkringskassan");
    }

    [Fact]
    public void ShouldRefuseContactWhenConsentIsNotTicked()
    {
        var draft = new FeedbackDraft(FeedbackKind.Klagomal, FeedbackChannel.Telefon, Today, "Otrevligt bemötande", null,
            new FeedbackContact("Anna Andersson", "anna@example.se", null, null), ContactConsent: false);

        Should.Throw<DomainException>(() => FeedbackItem.Register(OfficeId, draft, FeedbackDeadline.Compute(Today, 10, Schedule()), Advisor, Now))
            .Message.ShouldContain("samtyckt");
    }

    [Fact]
    public void ShouldEraseTheContactAndRecordOnlyThatItHappenedWhenErased()
    {
        var item = Item(new FeedbackContact("Anna Andersson", "anna@example.se", "070-123 45 67", "Rinkebystråket 1"));

        item.EraseContact(Manager, Now, "Kontaktuppgifterna raderades av chef").ShouldBeTrue();

        item.HasContact.ShouldBeFalse();
        (item.ContactName, item.ContactEmail, item.ContactPhone, item.ContactPostalAddress).ShouldBe((null, null, null, null));
        item.ContactErasedAt.ShouldBe(Now);
        item.History.ShouldAllBe(h => !h.Text.Contains("Anna") && !h.Text.Contains("anna@"));
        item.EraseContact(Manager, Now, "igen").ShouldBeFalse();
    }

    [Fact]
    public void ShouldCarryNoPersonalDataWhenAnEventIsRaised()
    {
        var item = Item(new FeedbackContact("Anna Andersson", "anna@example.se", null, null));
        item.StartHandling(Manager, Now);

        var raised = item.TakeEvents().OfType<FeedbackChanged>().Single();

        raised.ShouldBe(new FeedbackChanged(OfficeId, item.Id, FeedbackKind.Klagomal, FeedbackStatus.UnderHandlaggning));
    }
}
