using Mbk.Domain.Queue;

namespace Mbk.Portal.Features.Queue;

public sealed record ServiceInfo(int Id, char Prefix, string Name, int SortOrder, bool IsActive, int WaitTargetMinutes);

public sealed record PlaceInfo(int Id, string Name, int SortOrder, bool IsActive);

/// <summary>A service as visitors see it: how many wait and the estimate for a new ticket (null: no estimate yet).</summary>
public sealed record ServiceQueueStatus(int Id, char Prefix, string Name, int Waiting, int? EstimatedMinutes);

/// <summary>The kiosk's view; <see cref="ClosedReason"/> names a holiday or a closed day's reason while closed.</summary>
public sealed record KioskView(int OfficeId, string OfficeName, string Slug, bool IsOpen, DateTimeOffset? NextOpening, IReadOnlyList<ServiceQueueStatus> Services, string? ClosedReason = null);

public sealed record DisplayCall(int TicketId, string Number, string PlaceName, DateTimeOffset CalledAt, int RecallCount);

public sealed record DisplayView(
    int OfficeId,
    string OfficeName,
    bool IsOpen,
    DisplayCall? Current,
    IReadOnlyList<DisplayCall> Recent,
    IReadOnlyList<ServiceQueueStatus> Services);

public sealed record WaitingTicketRow(
    int TicketId,
    string Number,
    int ServiceLineId,
    string ServiceName,
    DateTimeOffset TakenAt,
    int WaitedMinutes,
    bool OverTarget,
    int? TargetPlaceId,
    string? TargetPlaceName);

public sealed record CurrentTicket(int TicketId, string Number, TicketStatus Status, int ServiceLineId, string ServiceName, DateTimeOffset? CalledAt, int RecallCount, bool IsWalkIn);

public sealed record ParkedTicket(int TicketId, string Number, string ServiceName, DateTimeOffset ParkedAt);

public sealed record PlaceStatus(
    int PlaceId,
    string PlaceName,
    bool IsActive,
    string? StaffUserId,
    string? StaffName,
    IReadOnlyList<int> ServiceLineIds,
    string? CurrentNumber,
    TicketStatus? CurrentStatus);

public sealed record CategoryOption(int Id, string Name);

public sealed record ReferralOption(int Id, string Name);

public sealed record CounterView(
    int OfficeId,
    IReadOnlyList<ServiceInfo> Services,
    IReadOnlyList<PlaceStatus> Places,
    PlaceStatus? MyPlace,
    CurrentTicket? Current,
    IReadOnlyList<ParkedTicket> Parked,
    IReadOnlyList<WaitingTicketRow> Waiting,
    IReadOnlyList<CategoryOption> Categories,
    IReadOnlyList<ReferralOption> Referrals,
    IReadOnlyList<GivenUpTicket>? GivenUp = null);

public sealed record MonitorServiceRow(
    int ServiceLineId,
    char Prefix,
    string Name,
    int Waiting,
    int? LongestWaitMinutes,
    double? AverageWaitMinutes,
    double? AverageServiceMinutes,
    int Served,
    int NoShows,
    int NotServed,
    int WaitTargetMinutes,
    bool OverTarget,
    int? EstimatedMinutes,
    int GivenUp = 0);

public sealed record MonitorView(IReadOnlyList<MonitorServiceRow> Services, IReadOnlyList<PlaceStatus> Places, DateTimeOffset AsOf);

public sealed record WaitAlert(char Prefix, string ServiceName, int LongestWaitMinutes, int TargetMinutes);

/// <summary>What a visitor's phone shows of one ticket (<c>/t/{code}</c>).</summary>
/// <param name="Ahead">Waiting tickets of the same service before this one (0 unless waiting).</param>
/// <param name="EstimatedMinutes">Estimated wait while waiting; null without an estimate.</param>
/// <param name="PlaceName">The place that called or serves the ticket.</param>
/// <param name="ExpiresAt">The end of the office-local day: the page opens nothing after it.</param>
public sealed record MobileTicketState(
    string Number,
    string ServiceName,
    TicketStatus Status,
    int Ahead,
    int? EstimatedMinutes,
    string? PlaceName,
    DateTimeOffset ExpiresAt);

/// <summary>An office's phone-followed tickets of the day, keyed by the SHA-256 of their codes.</summary>
public sealed record MobileQueueView(string OfficeName, IReadOnlyDictionary<string, MobileTicketState> Tickets);

/// <summary>A ticket the visitor gave up from the phone, shown on the counter for a while.</summary>
public sealed record GivenUpTicket(int TicketId, string Number, string ServiceName, DateTimeOffset GivenUpAt);
