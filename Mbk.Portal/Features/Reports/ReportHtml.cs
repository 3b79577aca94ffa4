using System.Globalization;
using System.Text;
using Mbk.Domain.Reports;
using Mbk.Portal.Features.Statistics.Report;

namespace Mbk.Portal.Features.Reports;

/// <summary>
/// The report as HTML that Outlook renders: one table layout, inline styles only (Outlook ignores style sheets and
/// uses Word's engine), no script, images as <c>cid:</c> links in the e-mail and data URIs in the portal's preview.
/// Numbers are written the Swedish way ("33 893", "+105 %").
/// </summary>
public static class ReportHtml
{
    private const string Font = "font-family:Arial,Helvetica,sans-serif;";
    private const string Cell = "padding:4px 8px;border:1px solid #c8c8c8;" + Font + "font-size:13px;";
    private const string NumberCell = Cell + "text-align:right;white-space:nowrap;";
    private const string HeadCell = Cell + "background:#e8eef5;font-weight:bold;";
    private const string TableStyle = "border-collapse:collapse;margin:4px 0 12px 0;";

    /// <summary>The e-mail body: images as <c>cid:</c> references to the message's linked resources.</summary>
    public static string ForEmail(ReportContent content, IReadOnlyList<ReportChart> charts, DateTimeOffset generatedAt, TimeZoneInfo zone) =>
        Render(content, charts, c => "cid:" + c.ContentId, generatedAt, zone);

    /// <summary>The same HTML for the preview in the portal, with the images inline as data URIs.</summary>
    public static string ForPreview(ReportContent content, IReadOnlyList<ReportChart> charts, DateTimeOffset generatedAt, TimeZoneInfo zone) =>
        Render(content, charts, c => "data:image/png;base64," + Convert.ToBase64String(c.Png), generatedAt, zone);

    private static string Render(ReportContent content, IReadOnlyList<ReportChart> charts, Func<ReportChart, string> source, DateTimeOffset generatedAt, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(charts);
        var chart = charts.ToDictionary(c => c.ContentId);
        var s = content.Statistics;
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"sv\"><head><meta charset=\"utf-8\"><title>").Append(E(content.Subject)).Append("</title></head>");
        html.Append("<body style=\"margin:0;padding:0;background:#ffffff;\">");
        html.Append("<table role=\"presentation\" width=\"680\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" style=\"").Append(Font).Append("color:#1a1a1a;\"><tr><td style=\"padding:12px;\">");
        html.Append("<h1 style=\"").Append(Font).Append("font-size:22px;margin:0 0 4px 0;\">").Append(E(content.Title)).Append("</h1>");
        html.Append("<p style=\"").Append(Font).Append("font-size:15px;margin:0 0 12px 0;\">").Append(E(content.OfficeName)).Append("</p>");

        Section(html, content, ReportSection.Summary, () =>
        {
            Table(html, ["Nyckeltal", "Värde"],
            [
                ["Besökare", StatisticsFormat.NumberOrMissing(s.Visitors.Total, s.Visitors.HasData)],
                ["Frågor", StatisticsFormat.NumberOrMissing(s.QuestionsTotal, s.HasQuestions)],
                ["Länkningar", N(s.ReferralsTotal)],
                ["Betjänade nummerlappar", StatisticsFormat.NumberOrMissing(s.Queue.Served, s.Queue.HasData)],
                ["Frågor per 100 besökare", StatisticsFormat.Fraction(s.KeyFigures.QuestionsPer100Visitors)],
            ]);
        });

        Section(html, content, ReportSection.Visitors, () =>
        {
            var v = s.Visitors;
            string G(int value) => StatisticsFormat.NumberOrMissing(value, v.Gender.HasData);
            string P(int value) => StatisticsFormat.NumberOrMissing(value, v.DayParts.HasData);
            Table(html, ["Besökare", "Antal"],
            [
                ["Totalt (besöksräknaren)", StatisticsFormat.NumberOrMissing(v.Total, v.HasData)],
                ["Kvinnor (uppskattat)", G(v.Gender.Women)],
                ["Män (uppskattat)", G(v.Gender.Men)],
                ["Annat (uppskattat)", G(v.Gender.Other)],
                ["Okänt (uppskattat)", G(v.Gender.Unknown)],
                ["Dag", P(v.DayParts.Day)],
                ["Kväll", P(v.DayParts.Evening)],
                ["Helg", P(v.DayParts.Weekend)],
            ]);
            Note(html, VisitorNote(v));
            Image(html, chart, ReportCharts.DayPartsId, source);
        });

        Section(html, content, ReportSection.Questions, () =>
        {
            var years = content.Years;
            var earlier = years.Take(years.Count - 1).ToList();
            var headers = new List<string> { "Ärendeslag" };
            headers.AddRange(earlier.Select(Y));
            headers.Add(Y(years[^1]));
            headers.Add("Andel");
            headers.AddRange(earlier.AsEnumerable().Reverse().Select(y => "Förändring mot " + Y(y)));
            var rows = content.Questions.Select(q =>
            {
                var cells = new List<string> { q.Name };
                cells.AddRange(q.EarlierCounts.Select(c => c is { } n ? N(n) : "–"));
                cells.Add(N(q.Count));
                cells.Add(StatisticsFormat.Percent(q.SharePercent));
                cells.AddRange(q.Changes.Select(c => c.PercentText));
                return (IReadOnlyList<string>)cells;
            }).ToList();
            var total = new List<string> { "Totalt" };
            total.AddRange(s.Trends.Questions.Counts.Take(earlier.Count).Select(c => c is { } n ? N(n) : "–"));
            total.Add(StatisticsFormat.NumberOrMissing(s.QuestionsTotal, s.HasQuestions));
            total.Add(s.QuestionsTotal == 0 ? "–" : StatisticsFormat.Percent(100m));
            total.AddRange(s.Trends.Questions.Changes.Select(c => c.PercentText));
            rows.Add(total);
            if (content.Questions.Count == 0)
            {
                Note(html, "Inga frågor är räknade eller importerade för perioden (uppgift saknas).");
            }

            Table(html, headers, rows);
            var missingYears = years.Where((_, i) => s.Trends.Questions.Counts[i] is null && i < years.Count - 1).ToList();
            if (missingYears.Count > 0)
            {
                Note(html, $"– betyder att uppgift saknas för {string.Join(" och ", missingYears.Select(Y))}: där finns ingen jämförelse.");
            }

            Image(html, chart, ReportCharts.CategoriesId, source);
            Image(html, chart, ReportCharts.TrendId, source);
        });

        Section(html, content, ReportSection.Changes, () =>
        {
            if (content.BiggestChanges.Count == 0)
            {
                Note(html, $"Inga ärendeslag med minst {BiggestChanges.MinimumBase} frågor samma period förra året har ändrats.");
                return;
            }

            html.Append("<ul style=\"").Append(Font).Append("font-size:13px;margin:4px 0 12px 18px;padding:0;\">");
            foreach (var change in content.BiggestChanges)
            {
                html.Append("<li><b>").Append(E(change.Text)).Append("</b> (")
                    .Append(E(N(change.Trend.Previous))).Append(" → ").Append(E(N(change.Trend.Current))).Append(")</li>");
            }

            html.Append("</ul>");
        });

        Section(html, content, ReportSection.Referrals, () =>
        {
            var rows = s.Referrals.Select(r => (IReadOnlyList<string>)[r.Name, N(r.Count), StatisticsFormat.Percent(r.SharePercent)]).ToList();
            rows.Add(["Totalt", N(s.ReferralsTotal), s.ReferralsTotal == 0 ? "–" : StatisticsFormat.Percent(100m)]);
            Table(html, ["Länkad till", "Antal", "Andel"], rows);
        });

        Section(html, content, ReportSection.Surveys, () =>
        {
            if (s.Surveys.Count == 0)
            {
                Note(html, "Ingen brukarenkät under perioden.");
                return;
            }

            Table(html, ["Enkät", "Svar", "Medel (1–5)"], s.Surveys
                .Select(sv => (IReadOnlyList<string>)[sv.Title, N(sv.Results.ResponseCount), StatisticsFormat.Fraction(sv.Results.OverallMean, 2)])
                .ToList());
        });

        Section(html, content, ReportSection.Queue, () =>
        {
            var q = s.Queue;
            if (!q.HasData)
            {
                Note(html, "Kö: uppgift saknas (inga nummerlappar togs under perioden).");
                return;
            }

            Table(html, ["Kö", "Värde"],
            [
                ["Nummerlappar", N(q.Taken)],
                ["Betjänade", N(q.Served)],
                ["Uteblev", N(q.NoShows)],
                ["Ej betjänade", N(q.NotServed)],
                ["Avbrutna av besökaren (mobilen)", N(q.VisitorCancelled)],
                ["Genomsnittlig väntetid", StatisticsFormat.Minutes(q.AverageWaitMinutes)],
                ["Längsta väntetid", StatisticsFormat.Minutes(q.LongestWaitMinutes)],
            ]);
        });

        Section(html, content, ReportSection.Feedback, () =>
        {
            if (content.Feedback is not { } feedback)
            {
                Note(html, ReportContent.FeedbackNotRecordedText);
                return;
            }

            var rows = feedback.ByKind.Select(k => (IReadOnlyList<string>)[k.Kind, N(k.Count)]).ToList();
            rows.Add(["Totalt", N(feedback.Total)]);
            Table(html, ["Slag", "Antal"], rows);
            Note(html, "Besvarade inom tidsgränsen: " + StatisticsFormat.Percent(feedback.AnsweredInTimePercent));
        });

        var local = TimeZoneInfo.ConvertTime(generatedAt, zone);
        html.Append("<p style=\"").Append(Font).Append("font-size:12px;color:#555555;margin:16px 0 0 0;\">")
            .Append(E($"Sammanställd av Mbk Portal {local.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)}. Alla siffror finns i den bifogade Excel-filen."))
            .Append("</p>");
        html.Append("</td></tr></table></body></html>");
        return html.ToString();
    }

    private static void Section(StringBuilder html, ReportContent content, ReportSection section, Action body)
    {
        html.Append("<h2 data-section=\"").Append(section.Slug()).Append("\" style=\"").Append(Font)
            .Append("font-size:17px;margin:18px 0 6px 0;color:#1f4e79;\">").Append(E(section.Heading())).Append("</h2>");
        if (content.Comment(section) is { } comment)
        {
            html.Append("<table role=\"presentation\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" style=\"margin:0 0 8px 0;\"><tr><td style=\"")
                .Append(Font).Append("font-size:13px;background:#fff8e1;border-left:4px solid #f0b400;padding:6px 10px;\"><b>Kommentar:</b> ")
                .Append(E(comment).Replace("\n", "<br>", StringComparison.Ordinal)).Append("</td></tr></table>");
        }

        body();
    }

    private static void Table(StringBuilder html, IReadOnlyList<string> headers, IReadOnlyList<IReadOnlyList<string>> rows)
    {
        html.Append("<table cellpadding=\"0\" cellspacing=\"0\" border=\"0\" style=\"").Append(TableStyle).Append("\"><tr>");
        foreach (var header in headers)
        {
            html.Append("<th align=\"left\" style=\"").Append(HeadCell).Append("\">").Append(E(header)).Append("</th>");
        }

        html.Append("</tr>");
        foreach (var row in rows)
        {
            html.Append("<tr>");
            for (var i = 0; i < row.Count; i++)
            {
                var first = i == 0;
                html.Append(first ? "<td style=\"" + Cell + "\">" : "<td align=\"right\" style=\"" + NumberCell + "\">").Append(E(row[i])).Append("</td>");
            }

            html.Append("</tr>");
        }

        html.Append("</table>");
    }

    private static void Note(StringBuilder html, string text) =>
        html.Append("<p style=\"").Append(Font).Append("font-size:13px;color:#444444;margin:4px 0 10px 0;\">").Append(E(text)).Append("</p>");

    /// <summary>A sentence about where gender and day/evening/weekend come from; says so plainly when they are missing.</summary>
    private static string VisitorNote(VisitorFigures v)
    {
        var gender = v.Gender.HasData
            ? $"Könsfördelningen är personalens uppskattning för {N(v.Gender.EstimatedDays)} {(v.Gender.EstimatedDays == 1 ? "dag" : "dagar")}."
            : "Könsfördelning: uppgift saknas (ingen dag är uppskattad).";
        var parts = v.DayParts.HasData ? v.DayParts.Note : "Dag/kväll/helg: uppgift saknas (inga timvärden, nummerlappar eller räknade frågor).";
        return $"{gender} {parts}";
    }

    /// <summary>The chart if it was drawn; a section without data has none (and says so in its own note instead).</summary>
    private static void Image(StringBuilder html, Dictionary<string, ReportChart> charts, string id, Func<ReportChart, string> source)
    {
        if (charts.TryGetValue(id, out var chart))
        {
            Image(html, chart, source);
        }
    }

    private static void Image(StringBuilder html, ReportChart chart, Func<ReportChart, string> source) =>
        html.Append("<p style=\"margin:4px 0 12px 0;\"><img src=\"").Append(E(source(chart))).Append("\" alt=\"").Append(E(chart.AltText))
            .Append("\" width=\"").Append(ReportCharts.Width.ToString(CultureInfo.InvariantCulture)).Append("\" style=\"display:block;border:0;max-width:100%;\"></p>");

    private static string N(long value) => StatisticsFormat.Number(value);

    private static string Y(int year) => year.ToString(CultureInfo.InvariantCulture);

    /// <summary>Escapes only what HTML needs (the body is UTF-8), so "Migrationsfrågor +105 %" stays readable in the source.</summary>
    private static string E(string text) => text
        .Replace("&", "&amp;", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal)
        .Replace("\"", "&quot;", StringComparison.Ordinal)
        .Replace("'", "&#39;", StringComparison.Ordinal);
}
