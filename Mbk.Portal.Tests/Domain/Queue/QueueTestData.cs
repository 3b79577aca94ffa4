using System.Globalization;
using System.Reflection;
using System.Text;
using Mbk.Domain.Common;
using Mbk.Domain.Queue;

namespace Mbk.Portal.Tests.Domain.Queue;

/// <summary>Builders and helpers for the queue domain tests.</summary>
internal static class QueueTestData
{
    public const int OfficeId = 7;
    public const int PlaceId = 1;
    public const int OtherPlaceId = 2;
    public const string Staff = "staff-anna";
    public const string OtherStaff = "staff-bo";

    public static readonly DateOnly Day = new(2025, 3, 4);
    public static readonly DateTimeOffset Morning = new(2025, 3, 4, 9, 0, 0, TimeSpan.FromHours(1));

    public static TimeZoneInfo Stockholm { get; } = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");

    public static ServiceLine Samhallsvagledning(int id = 11) =>
        WithId(ServiceLine.Create(OfficeId, "Samhällsvägledning", 'A', 1), id);

    public static ServiceLine Konsumentvagledning(int id = 12) =>
        WithId(ServiceLine.Create(OfficeId, "Konsumentvägledning", 'B', 2), id);

    /// <summary>Gives an entity the id the database would, as after saving.</summary>
    public static T WithId<T>(T entity, int id)
        where T : Entity
    {
        typeof(Entity).GetProperty(nameof(Entity.Id))!.SetValue(entity, id);
        return entity;
    }

    /// <summary>A saved ticket A001 taken at <see cref="Morning"/> and brought to <paramref name="status"/>; events taken.</summary>
    public static Ticket TicketIn(TicketStatus status, int number = 1, int id = 100)
    {
        var service = Samhallsvagledning();
        var ticket = WithId(Ticket.Issue(OfficeId, service, number, Day, Morning), id);
        var at = Morning.AddMinutes(10);
        switch (status)
        {
            case TicketStatus.Waiting:
                break;
            case TicketStatus.Called:
                ticket.Call(PlaceId, Staff, at);
                break;
            case TicketStatus.Serving:
                ticket.Call(PlaceId, Staff, at);
                ticket.StartServing(at.AddMinutes(1));
                break;
            case TicketStatus.Parked:
                ticket.Call(PlaceId, Staff, at);
                ticket.StartServing(at.AddMinutes(1));
                ticket.Park(at.AddMinutes(5));
                break;
            case TicketStatus.Done:
                ticket.Call(PlaceId, Staff, at);
                ticket.Finish(at.AddMinutes(5));
                break;
            case TicketStatus.NoShow:
                ticket.Call(PlaceId, Staff, at);
                ticket.MarkNoShow(at.AddMinutes(3));
                break;
            case TicketStatus.Transferred:
                ticket.Call(PlaceId, Staff, at);
                ticket.TransferTo(Konsumentvagledning(), null, at.AddMinutes(2));
                break;
            case TicketStatus.NotServed:
                ticket.CloseAtEndOfDay(Morning.AddHours(7));
                break;
            case TicketStatus.VisitorCancelled:
                ticket.GiveUp(at.AddMinutes(1));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(status), status, null);
        }

        ticket.TakeEvents();
        return ticket;
    }

    /// <summary>Every public property of the ticket as text, to show that a refused change left it untouched.</summary>
    public static string Snapshot(Ticket ticket)
    {
        var text = new StringBuilder();
        foreach (var property in typeof(Ticket).GetProperties(BindingFlags.Public | BindingFlags.Instance).OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            if (property.Name == nameof(Entity.PendingEvents))
            {
                continue;
            }

            text.Append(property.Name).Append('=')
                .Append(Convert.ToString(property.GetValue(ticket), CultureInfo.InvariantCulture))
                .Append('\n');
        }

        text.Append("PendingEvents=").Append(ticket.PendingEvents.Count);
        return text.ToString();
    }
}
