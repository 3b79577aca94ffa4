namespace Mbk.Domain.Almanac;

/// <summary>
/// The Erlang C queueing model (M/M/N: Poisson arrivals, exponential service times, N advisors serving one queue,
/// nobody gives up). With arrival rate λ per hour and mean service time S, the offered load is A = λ·S (in
/// erlangs). For N &gt; A advisors the probability that a visitor has to wait is
/// <c>C(N, A) = N·B(N, A) / (N − A·(1 − B(N, A)))</c>, with Erlang B computed by the stable recursion
/// <c>B(0) = 1, B(k) = A·B(k−1) / (k + A·B(k−1))</c>; the share served within a waiting time t is
/// <c>1 − C·e^(−(N − A)·t / S)</c>, and the mean wait is <c>C·S / (N − A)</c>. With N ≤ A the queue grows without
/// end: every visitor waits.
/// </summary>
public static class ErlangC
{
    /// <summary>Share of visitors served within the target that staffing aims for (the usual 80 %).</summary>
    public const double DefaultServiceLevel = 0.8;

    /// <summary>Offered load A = λ · S in erlangs.</summary>
    public static double OfferedLoad(double arrivalsPerHour, double meanServiceMinutes)
    {
        Check(arrivalsPerHour, meanServiceMinutes);
        return arrivalsPerHour * meanServiceMinutes / 60.0;
    }

    /// <summary>The probability that an arriving visitor has to wait (Erlang C); 1 when the advisors cannot keep up.</summary>
    public static double ProbabilityOfWaiting(double arrivalsPerHour, double meanServiceMinutes, int advisors)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(advisors);
        var load = OfferedLoad(arrivalsPerHour, meanServiceMinutes);
        if (load == 0)
        {
            return 0;
        }

        if (advisors <= load)
        {
            return 1;
        }

        var erlangB = 1.0;
        for (var k = 1; k <= advisors; k++)
        {
            erlangB = load * erlangB / (k + (load * erlangB));
        }

        return advisors * erlangB / (advisors - (load * (1 - erlangB)));
    }

    /// <summary>The share of visitors called within <paramref name="targetWaitMinutes"/>.</summary>
    public static double ServiceLevel(double arrivalsPerHour, double meanServiceMinutes, int advisors, double targetWaitMinutes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(targetWaitMinutes);
        var wait = ProbabilityOfWaiting(arrivalsPerHour, meanServiceMinutes, advisors);
        var load = OfferedLoad(arrivalsPerHour, meanServiceMinutes);
        if (wait >= 1)
        {
            return 0;
        }

        return 1 - (wait * Math.Exp(-(advisors - load) * targetWaitMinutes / meanServiceMinutes));
    }

    /// <summary>Mean wait in minutes over all visitors (those who do not wait count as 0); infinite when N ≤ A.</summary>
    public static double AverageWaitMinutes(double arrivalsPerHour, double meanServiceMinutes, int advisors)
    {
        var load = OfferedLoad(arrivalsPerHour, meanServiceMinutes);
        if (load == 0)
        {
            return 0;
        }

        if (advisors <= load)
        {
            return double.PositiveInfinity;
        }

        return ProbabilityOfWaiting(arrivalsPerHour, meanServiceMinutes, advisors) * meanServiceMinutes / (advisors - load);
    }

    /// <summary>
    /// The fewest advisors that serve at least <paramref name="serviceLevel"/> of the visitors within
    /// <paramref name="targetWaitMinutes"/>; 0 when nobody is expected.
    /// </summary>
    public static int AdvisorsNeeded(double arrivalsPerHour, double meanServiceMinutes, double targetWaitMinutes, double serviceLevel = DefaultServiceLevel)
    {
        if (serviceLevel is <= 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(serviceLevel), serviceLevel, "The service level is a share between 0 and 1.");
        }

        var load = OfferedLoad(arrivalsPerHour, meanServiceMinutes);
        if (load == 0)
        {
            return 0;
        }

        var advisors = Math.Max(1, (int)Math.Floor(load) + 1);
        while (ServiceLevel(arrivalsPerHour, meanServiceMinutes, advisors, targetWaitMinutes) < serviceLevel)
        {
            advisors++;
        }

        return advisors;
    }

    private static void Check(double arrivalsPerHour, double meanServiceMinutes)
    {
        if (double.IsNaN(arrivalsPerHour) || arrivalsPerHour < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(arrivalsPerHour), arrivalsPerHour, "Arrivals cannot be negative.");
        }

        if (double.IsNaN(meanServiceMinutes) || meanServiceMinutes <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(meanServiceMinutes), meanServiceMinutes, "The mean service time must be positive.");
        }
    }
}
