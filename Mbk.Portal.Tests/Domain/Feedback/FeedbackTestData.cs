using Mbk.Domain.Almanac;
using Mbk.Domain.Feedback;
using Mbk.Domain.Queue;

namespace Mbk.Portal.Tests.Domain.Feedback;

/// <summary>Builders for feedback domain tests: items at any status, the default weekly schedule.</summary>
internal static class FeedbackTestData
{
    public const int OfficeId = 1;
    public static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    public static readonly DateOnly Today = new(2026, 11, 23);
    public static readonly FeedbackActor Manager = new("manager-1", "Maria Chef");
    public static readonly FeedbackActor Advisor = new("advisor-1", "Ali Vägledare");

    public static OpeningSchedule Schedule(params OpeningHoursException[] exceptions) => new(OpeningHours.Default, exceptions, []);

    public static FeedbackItem Item(FeedbackContact? contact = null, FeedbackKind kind = FeedbackKind.Klagomal)
    {
        var deadline = FeedbackDeadline.Compute(Today, 10, Schedule());
        var draft = new FeedbackDraft(kind, FeedbackChannel.Besok, Today, "Lång väntan vid bord 2", "Bostadsfrågor", contact, contact is not null);
        return FeedbackItem.Register(OfficeId, draft, deadline, Advisor, Now);
    }

    /// <summary>An item brought to <paramref name="status"/> along the allowed path.</summary>
    public static FeedbackItem ItemAt(FeedbackStatus status)
    {
        var item = Item();
        switch (status)
        {
            case FeedbackStatus.Mottagen:
                break;
            case FeedbackStatus.UnderHandlaggning:
                item.StartHandling(Manager, Now);
                break;
            case FeedbackStatus.Besvarad:
                item.StartHandling(Manager, Now);
                item.RecordAnswer("Vi har ändrat rutinen.", FeedbackChannel.Brev, Manager, Now, Today);
                break;
            case FeedbackStatus.Avslutad:
                item.StartHandling(Manager, Now);
                item.RecordAnswer("Vi har ändrat rutinen.", FeedbackChannel.Brev, Manager, Now, Today);
                item.Close(Manager, Now, Today);
                break;
            case FeedbackStatus.Vidarebefordrad:
                item.Forward("Försäkringskassan", Manager, Now);
                break;
        }

        item.Status.ShouldBe(status);
        return item;
    }

    /// <summary>Tries to move <paramref name="item"/> to <paramref name="target"/> through the command that leads there.</summary>
    public static void MoveTo(FeedbackItem item, FeedbackStatus target)
    {
        switch (target)
        {
            case FeedbackStatus.UnderHandlaggning:
                item.StartHandling(Manager, Now);
                break;
            case FeedbackStatus.Besvarad:
                item.RecordAnswer("Ett svar", FeedbackChannel.Epost, Manager, Now, Today);
                break;
            case FeedbackStatus.Avslutad:
                item.Close(Manager, Now, Today);
                break;
            case FeedbackStatus.Vidarebefordrad:
                item.Forward("Skatteverket", Manager, Now);
                break;
            default:
                throw new InvalidOperationException("No command leads back to Mottagen.");
        }
    }
}
