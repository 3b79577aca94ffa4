namespace Mbk.Domain.Queue;

/// <summary>Estimates how long a visitor will wait, for the kiosk and the waiting-room display.</summary>
public static class WaitEstimator
{
    /// <summary>
    /// Estimated wait = <paramref name="ticketsAhead"/> × mean(<paramref name="recentServiceTimes"/>) ÷ <paramref name="placesServing"/>.
    /// </summary>
    /// <param name="ticketsAhead">Waiting tickets of the service ahead of the visitor (0 = next in line).</param>
    /// <param name="recentServiceTimes">Service times of the service's recently finished tickets (the caller chooses the window).</param>
    /// <param name="placesServing">Places currently taking tickets of the service.</param>
    /// <returns>
    /// The estimate; <see cref="TimeSpan.Zero"/> with nobody ahead and a known service time. Null when there is no history
    /// (no finished tickets in the window) or when no place serves the service (nobody would call the ticket, so no
    /// honest estimate exists).
    /// </returns>
    public static TimeSpan? Estimate(int ticketsAhead, IReadOnlyCollection<TimeSpan> recentServiceTimes, int placesServing)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(ticketsAhead);
        ArgumentNullException.ThrowIfNull(recentServiceTimes);
        if (recentServiceTimes.Count == 0 || placesServing <= 0)
        {
            return null;
        }

        long totalTicks = 0;
        foreach (var time in recentServiceTimes)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(time, TimeSpan.Zero, nameof(recentServiceTimes));
            totalTicks += time.Ticks;
        }

        var meanTicks = (decimal)totalTicks / recentServiceTimes.Count;
        return TimeSpan.FromTicks((long)Math.Round(meanTicks * ticketsAhead / placesServing, MidpointRounding.AwayFromZero));
    }

    /// <summary>Whole minutes to show for an estimate: rounded to nearest, but at least 1 when there is any wait at all.</summary>
    public static int ToDisplayMinutes(TimeSpan estimate)
    {
        if (estimate <= TimeSpan.Zero)
        {
            return 0;
        }

        return Math.Max(1, (int)Math.Round(estimate.TotalMinutes, MidpointRounding.AwayFromZero));
    }
}
