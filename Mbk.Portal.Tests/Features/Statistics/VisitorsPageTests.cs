using Bunit;
using Mbk.Portal.Features.Statistics.Visitors;
using Mbk.Portal.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Mbk.Portal.Tests.Features.Statistics;

public sealed class VisitorsPageTests : MudBunitContext
{
    private VisitorTestOffice _office = default!;

    public override async Task InitializeAsync()
    {
        _office = await VisitorTestOffice.CreateAsync();
        _office.Register(Services);
        RenderMudProviders();
    }

    private IRenderedComponent<VisitorsPanel> RenderPanel()
    {
        var cut = Render<VisitorsPanel>(p => p.Add(c => c.Staff, _office.Manager));
        cut.WaitForAssertion(() => cut.Find("[data-testid=visitors-manual-save]"));
        return cut;
    }

    [Fact]
    public void ShouldShowComputedVisitorsAfterManualReading()
    {
        var cut = RenderPanel();

        cut.Find("[data-testid=visitors-manual-day]").Input("2026-11-23");
        cut.Find("[data-testid=visitors-manual-reading]").Input("1000");
        cut.WaitForAssertion(() => cut.Find("[data-testid=visitors-manual-preview]").TextContent.ShouldContain("450 besökare"));
        cut.Find("[data-testid=visitors-manual-save]").Click();

        cut.WaitForAssertion(() => cut.Find("[data-testid=visitors-manual-result]").TextContent
            .ShouldContain("Sparat för 2026-11-23: 1\u00A0000 passager ger 450 besökare."));
        cut.Find("[data-testid=visitors-period-total]").TextContent.ShouldContain("november 2026: 450");
        cut.FindAll("[data-testid^=visitors-reading-delete-]").Count.ShouldBe(1);
    }

    [Fact]
    public async Task ShouldShowSwedishErrorAndKeepInputWhenDayIsInTheFuture()
    {
        var cut = RenderPanel();

        cut.Find("[data-testid=visitors-manual-day]").Input("2026-12-24");
        cut.Find("[data-testid=visitors-manual-reading]").Input("800");
        cut.Find("[data-testid=visitors-manual-save]").Click();

        cut.WaitForAssertion(() => cut.Find("[data-testid=visitors-manual-error]").TextContent.ShouldContain("Mätperioden kan inte sluta i framtiden."));
        cut.Find("[data-testid=visitors-manual-reading]").GetAttribute("value").ShouldBe("800");
        cut.Find("[data-testid=visitors-manual-day]").GetAttribute("value").ShouldBe("2026-12-24");
        await using var db = _office.Database.CreateDbContext();
        (await db.DoorCounterReadings.CountAsync()).ShouldBe(0);
    }

    [Fact]
    public void ShouldShowIssuedKeyOnceWithEndpointAndCurlExample()
    {
        var cut = RenderPanel();

        cut.Find("[data-testid=visitors-key-issue]").Click();

        cut.WaitForAssertion(() => cut.Find("[data-testid=visitors-key-issued]").TextContent.ShouldContain("visas bara en gång"));
        var key = cut.Find("[data-testid=visitors-key-value]").TextContent;
        key.Length.ShouldBe(43);
        cut.Find("[data-testid=visitors-key-url]").TextContent.ShouldBe($"http://localhost/api/offices/{_office.Office.Slug}/door-counter");
        cut.Find("[data-testid=visitors-key-curl]").TextContent.ShouldContain($"X-Api-Key: {key}");
        cut.Find("[data-testid=visitors-key-revoke]").Click();
        cut.WaitForAssertion(() => cut.FindAll("[data-testid=visitors-key-issued]").ShouldBeEmpty());
    }

    [Fact]
    public void ShouldRefuseBadFactorsWithSwedishMessage()
    {
        var cut = RenderPanel();

        cut.Find("[data-testid=visitors-factors-passages]").Input("0,5");
        cut.Find("[data-testid=visitors-factors-save]").Click();

        cut.WaitForAssertion(() => cut.Find("[data-testid=visitors-factors-error]").TextContent
            .ShouldContain("Antal passager per besökare måste vara mellan 1 och 10."));
    }
}
