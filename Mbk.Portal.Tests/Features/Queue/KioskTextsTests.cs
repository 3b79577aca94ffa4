using Mbk.Portal.Features.Queue.Kiosk;
using Mbk.Portal.Tests.TestSupport;

namespace Mbk.Portal.Tests.Features.Queue;

public sealed class KioskTextsTests
{
    private static KioskTexts Texts => VisitorTexts.Kiosk;

    public static TheoryData<string> LanguageCodes() => ["sv", "en", "ar", "so", "ti", "fa"];

    [Fact]
    public void ShouldOfferTheSixLanguagesWithSwedishFirst()
    {
        Texts.Languages.Select(l => l.Code).ShouldBe(["sv", "en", "ar", "so", "ti", "fa"]);
        Texts.Languages.Select(l => l.LanguageName).ShouldBe(["Svenska", "English", "العربية", "Soomaali", "ትግርኛ", "فارسی"]);
    }

    [Theory]
    [MemberData(nameof(LanguageCodes))]
    public void ShouldHaveEveryStringWhenLanguageIsChosen(string code)
    {
        var texts = Texts.For(code);

        texts.Code.ShouldBe(code);
        foreach (var property in typeof(KioskStrings).GetProperties().Where(p => p.PropertyType == typeof(string)))
        {
            ((string?)property.GetValue(texts)).ShouldNotBeNullOrWhiteSpace($"{code}: {property.Name}");
        }

        texts.Weekdays.Count.ShouldBe(7);
        texts.Weekdays.ShouldAllBe(d => !string.IsNullOrWhiteSpace(d));
        texts.Weekdays.Distinct().Count().ShouldBe(7);
        texts.ServiceNames.Keys.ShouldBe([KioskTexts.Samhallsvagledning, KioskTexts.Konsumentvagledning, KioskTexts.ItGuide], ignoreOrder: true);
        texts.ServiceNames.Values.ShouldAllBe(v => !string.IsNullOrWhiteSpace(v));
    }

    [Theory]
    [MemberData(nameof(LanguageCodes))]
    public void ShouldFillEveryPlaceholderWhenFormatting(string code)
    {
        var texts = Texts.For(code);

        texts.Ahead(3).ShouldContain("3");
        texts.Waiting(4).ShouldContain("4");
        texts.Estimate(15).ShouldContain("15");
        texts.Estimate(null).ShouldBe(texts.NoEstimate);
        texts.EstimateShort(15).ShouldNotBeNull().ShouldContain("15");
        texts.EstimateShort(null).ShouldBeNull();
        var opens = texts.Opens(new DateTimeOffset(2026, 3, 2, 9, 5, 0, TimeSpan.FromHours(1)));
        opens.ShouldContain("09:05");
        opens.ShouldContain(texts.Weekday(DayOfWeek.Monday));
        foreach (var text in new[] { texts.Ahead(3), texts.Waiting(4), texts.Estimate(15), opens })
        {
            text.ShouldNotContain("{");
        }
    }

    [Theory]
    [InlineData("sv", false)]
    [InlineData("en", false)]
    [InlineData("ar", true)]
    [InlineData("so", false)]
    [InlineData("ti", false)]
    [InlineData("fa", true)]
    public void ShouldFlagRightToLeftLanguages(string code, bool isRtl)
    {
        Texts.For(code).IsRtl.ShouldBe(isRtl);
    }

    [Fact]
    public void ShouldUseSwedishWhenLanguageIsUnknown()
    {
        Texts.For("xx").ShouldBeSameAs(Texts.Swedish);
        Texts.For(null).ShouldBeSameAs(Texts.Swedish);
    }

    [Fact]
    public void ShouldUseTheBriefsSwedishTexts()
    {
        var sv = Texts.Swedish;

        sv.Ahead(2).ShouldBe("2 före dig");
        sv.Waiting(5).ShouldBe("5 väntar");
        sv.Estimate(20).ShouldBe("Beräknad väntetid cirka 20 minuter");
        sv.Estimate(1).ShouldBe("Beräknad väntetid cirka 1 minut");
        Texts.English.Estimate(1).ShouldBe("Estimated waiting time about 1 minute");
        Texts.English.Estimate(2).ShouldBe("Estimated waiting time about 2 minutes");
        Texts.For("ar").Estimate(2).ShouldBe("وقت الانتظار المتوقع حوالي دقيقتين");
        Texts.For("ar").Estimate(5).ShouldBe("وقت الانتظار المتوقع حوالي 5 دقائق");
        Texts.For("ar").Estimate(15).ShouldBe("وقت الانتظار المتوقع حوالي 15 دقيقة");
        sv.Opens(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(1))).ShouldBe("Vi öppnar måndag kl. 09:00");
        sv.RateLimited.ShouldBe("För många nummerlappar på kort tid. Vänta en stund och försök igen, eller fråga i informationsdisken.");
    }

    [Fact]
    public void ShouldTranslateStandardServiceNamesAndKeepOthersInSwedish()
    {
        Texts.English.ServiceName("Konsumentvägledning").ShouldBe("Consumer advice");
        Texts.English.ServiceName("Skatteverket på plats").ShouldBe("Skatteverket på plats");
        Texts.Swedish.ServiceName("IT-guide/datorhjälp").ShouldBe("IT-guide/datorhjälp");
    }

    [Fact]
    public void ShouldAnnounceNumberAndPlaceInLowerCase()
    {
        VisitorTexts.Display.Announcement("A23", "Bord 2").ShouldBe("Nummer A23, bord 2");
    }
}
