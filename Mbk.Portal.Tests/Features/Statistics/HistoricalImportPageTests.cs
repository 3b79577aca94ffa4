using Bunit;
using Mbk.Portal.Features.Statistics.Import;
using Mbk.Portal.Tests.TestSupport;
using Microsoft.AspNetCore.Components.Forms;

namespace Mbk.Portal.Tests.Features.Statistics;

public sealed class HistoricalImportPageTests : MudBunitContext
{
    private VisitorTestOffice _office = default!;

    public override async Task InitializeAsync()
    {
        _office = await VisitorTestOffice.CreateAsync();
        _office.Register(Services);
        RenderMudProviders();
    }

    [Fact]
    public void ShouldShowRowErrorsAsTable()
    {
        var cut = Render<HistoricalImportPanel>(p => p.Add(c => c.Staff, _office.Manager));
        var lines = HistoricalImportServiceTests.Rinkeby2006Csv().Split("\r\n").ToList();
        lines[3] = "2006;;Ärenden som inte finns;12";
        lines[10] = "2006;13;Boutredning;579";

        cut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(string.Join("\r\n", lines), "fel.csv"));

        cut.WaitForAssertion(() => cut.FindAll("[data-testid=import-error-row]").Count.ShouldBe(2));
        var rows = cut.FindAll("[data-testid=import-error-row]");
        rows[0].TextContent.ShouldContain("4");
        rows[0].TextContent.ShouldContain("Ärendeslaget \"Ärenden som inte finns\" finns inte för kontoret");
        rows[1].TextContent.ShouldContain("11");
        rows[1].TextContent.ShouldContain("Månaden måste vara 1–12");
        cut.Find("[data-testid=import-errors]").TextContent.ShouldContain("Ingenting sparades");
        cut.FindAll("[data-testid=import-summary]").ShouldBeEmpty();
    }

    [Fact]
    public void ShouldShowSummaryOnSuccess()
    {
        var cut = Render<HistoricalImportPanel>(p => p.Add(c => c.Staff, _office.Manager));

        cut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(HistoricalImportServiceTests.Rinkeby2006Csv(), "rinkeby-2006.csv"));

        cut.WaitForAssertion(() => cut.Find("[data-testid=import-summary]").TextContent
            .ShouldContain("23 rader med ärenden (33\u00A0893 ärenden)"));
        cut.Find("[data-testid=import-help]").TextContent.ShouldContain("År;Månad;Ärendeslag;Antal");
    }
}
