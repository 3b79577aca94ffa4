using Mbk.Domain.Statistics;
using Mbk.Portal.Features.Meeting;
using Mbk.Portal.Features.Statistics.Report;
using Mbk.Portal.Tests.TestSupport;
using Microsoft.Extensions.Time.Testing;

namespace Mbk.Portal.Tests.Features.Meeting;

/// <summary>"Gårdagens siffror" is filled in from the statistics of the previous working day.</summary>
public sealed class YesterdaysFiguresTests : IAsyncLifetime
{
    private TestDatabase _database = default!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Theory]
    [InlineData("2026-11-24", "2026-11-23")] // Tuesday → Monday
    [InlineData("2026-11-23", "2026-11-20")] // Monday → Friday
    public void ShouldUsePreviousWorkingDay(string meeting, string expected) =>
        YesterdaysFigures.PreviousWorkingDay(DateOnly.Parse(meeting, System.Globalization.CultureInfo.InvariantCulture))
            .ShouldBe(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public async Task ShouldShowFridaysQuestionsServedTicketsAndTopCategoryOnMonday()
    {
        // Friday 20 November 2026, 10:00 Stockholm.
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero));
        var office = await QueueTestOffice.CreateAsync(_database, clock);
        var staff = await office.StaffAsync("Sara");
        await office.Commands.SitDownAsync(staff, office.Tables[0].Id, [office.ServiceA.Id]);
        await office.TakeAsync(office.ServiceA);
        await office.TakeAsync(office.ServiceA);
        await office.Commands.CallNextAsync(staff);
        await office.Commands.FinishAsync(staff, [office.Categories[1].Id], null);
        await office.Commands.CallNextAsync(staff);
        await office.Commands.FinishAsync(staff, [office.Categories[1].Id, office.Categories[0].Id], null);

        var figures = await new YesterdaysFigures(new StatisticsQueries(_database)).GetAsync(office.Office.Id, new DateOnly(2026, 11, 23));

        figures.Day.ShouldBe(new DateOnly(2026, 11, 20));
        figures.Questions.ShouldBe(3);
        figures.TicketsServed.ShouldBe(2);
        figures.TopCategories[0].ShouldBe(("Bostadsfrågor", 2L));
        figures.Visitors.ShouldBeNull("no door-counter reading that day");
        figures.HasAnyData.ShouldBeTrue();
    }
}
