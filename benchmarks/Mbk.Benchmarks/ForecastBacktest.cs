using System.Globalization;
using Mbk.Domain.Almanac;
using Mbk.Domain.Queue;

namespace Mbk.Benchmarks;

/// <summary>
/// Backtest of the staffing forecast (<see cref="ArrivalForecast"/>): a year of generated arrivals for an office with
/// the default opening hours (Mon–Fri 09–16, Thursday to 19) and Swedish holidays closed — Poisson arrivals around a
/// weekday × hour profile (a morning peak, busy Mondays, a summer dip, a partner-visit Wednesday afternoon) — then,
/// week by week, each open day is forecast from the weeks before it and compared with what arrived. Reports the mean
/// absolute percentage error per hour and per day part (hours or parts where nobody came are left out of MAPE, as a
/// percentage of 0 is undefined), and the share of day parts whose Erlang C need matched the need of the actual arrivals.
/// </summary>
internal static class ForecastBacktest
{
    private static readonly double[] HourProfile = [0, 0, 0, 0, 0, 0, 0, 0, 0, 8, 14, 12, 9, 11, 10, 8, 6, 5, 4, 0, 0, 0, 0, 0];
    private static readonly double[] WeekdayFactor = [0, 1.3, 1.0, 1.1, 0.9, 0.8, 0]; // by DayOfWeek, Sunday first

    public static void Run(int year, int seed)
    {
        var schedule = OpeningSchedule.FromWeekly(OpeningHours.Default);
        var random = new Random(seed);
        var history = new List<ArrivalDay>();
        var first = new DateOnly(year - 1, 9, 1); // a season of history before the year starts
        var last = new DateOnly(year, 12, 31);
        for (var date = first; date <= last; date = date.AddDays(1))
        {
            var day = schedule.Day(date);
            var hours = new double[ArrivalDay.HoursPerDay];
            if (day.IsOpen)
            {
                for (var h = 0; h < ArrivalDay.HoursPerDay; h++)
                {
                    if (day.Hours!.Contains(new TimeOnly(h, 0)))
                    {
                        hours[h] = Poisson(random, Rate(date, h));
                    }
                }
            }

            history.Add(new ArrivalDay(date, ArrivalForecast.IsComparable(day), hours));
        }

        var hourErrors = new List<double>();
        var partErrors = new Dictionary<DayPart, List<double>> { [DayPart.Forenoon] = [], [DayPart.Afternoon] = [], [DayPart.Evening] = [] };
        int needsCompared = 0, needsEqual = 0, needsWithinOne = 0, daysForecast = 0, daysWithout = 0;
        foreach (var actual in history.Where(d => d.Date.Year == year && d.IsComparable))
        {
            var forecast = ArrivalForecast.Forecast(actual.Date, history);
            if (!forecast.HasHistory)
            {
                daysWithout++;
                continue;
            }

            daysForecast++;
            var hours = schedule.Day(actual.Date).Hours;
            for (var h = 0; h < ArrivalDay.HoursPerDay; h++)
            {
                if (actual.ArrivalsPerHour[h] > 0)
                {
                    hourErrors.Add(Math.Abs(forecast.ArrivalsPerHour[h] - actual.ArrivalsPerHour[h]) / actual.ArrivalsPerHour[h]);
                }
            }

            var perfect = new DayForecast(actual.Date, actual.ArrivalsPerHour, 1);
            foreach (var part in DayParts.All)
            {
                var predicted = StaffingNeedCalculator.ForDayPart(forecast, part, hours, 10, 20);
                var truth = StaffingNeedCalculator.ForDayPart(perfect, part, hours, 10, 20);
                if (!predicted.IsOpen)
                {
                    continue;
                }

                if (truth.ExpectedArrivals > 0)
                {
                    partErrors[part].Add(Math.Abs(predicted.ExpectedArrivals - truth.ExpectedArrivals) / truth.ExpectedArrivals);
                }

                needsCompared++;
                needsEqual += predicted.Needed == truth.Needed ? 1 : 0;
                needsWithinOne += Math.Abs((predicted.Needed ?? 0) - (truth.Needed ?? 0)) <= 1 ? 1 : 0;
            }
        }

        var c = CultureInfo.InvariantCulture;
        Console.WriteLine($"Backtest {year} (seed {seed}): {daysForecast} open ordinary days forecast, {daysWithout} without enough history");
        Console.WriteLine($"  MAPE per hour: {Percent(hourErrors).ToString("0.0", c)} % over {hourErrors.Count} hours with arrivals");
        foreach (var (part, errors) in partErrors)
        {
            Console.WriteLine($"  MAPE {part.SwedishNameWithTimes()}: {Percent(errors).ToString("0.0", c)} % over {errors.Count} day parts");
        }

        Console.WriteLine($"  Advisors needed (Erlang C, 10 min service, 80 % within 20 min): same as with the actual arrivals in {(100.0 * needsEqual / needsCompared).ToString("0.0", c)} % of {needsCompared} day parts, within one in {(100.0 * needsWithinOne / needsCompared).ToString("0.0", c)} %");
    }

    /// <summary>Arrivals per hour: the profile × the weekday, fewer in summer, more when a partner visits on Wednesday afternoons.</summary>
    private static double Rate(DateOnly date, int hour)
    {
        var rate = HourProfile[hour] * WeekdayFactor[(int)date.DayOfWeek];
        if (date.Month is 7)
        {
            rate *= 0.6;
        }
        else if (date.Month is 6 or 8)
        {
            rate *= 0.85;
        }

        if (date.DayOfWeek == DayOfWeek.Wednesday && hour is >= 13 and < 16)
        {
            rate *= 1.3;
        }

        return rate;
    }

    private static double Percent(List<double> errors) => errors.Count == 0 ? double.NaN : 100 * errors.Average();

    /// <summary>Knuth's method, fine for the small rates of an office hour.</summary>
    private static int Poisson(Random random, double mean)
    {
        var limit = Math.Exp(-mean);
        var k = 0;
        var p = 1.0;
        do
        {
            k++;
            p *= random.NextDouble();
        }
        while (p > limit);
        return k - 1;
    }
}
