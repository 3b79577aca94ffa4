using Mbk.Domain.Common;

namespace Mbk.Portal.Tests.Domain.Common;

/// <summary>CLDR's cardinal plural rules for the screens' languages, checked against CLDR's own examples.</summary>
public class PluralRulesTests
{
    [Theory]
    [InlineData("sv", 0, PluralCategory.Other)]
    [InlineData("sv", 1, PluralCategory.One)]
    [InlineData("sv", 2, PluralCategory.Other)]
    [InlineData("sv", 21, PluralCategory.Other)]
    [InlineData("en", 1, PluralCategory.One)]
    [InlineData("en", 11, PluralCategory.Other)]
    [InlineData("so", 1, PluralCategory.One)]
    [InlineData("so", 5, PluralCategory.Other)]
    [InlineData("ti", 0, PluralCategory.One)]
    [InlineData("ti", 1, PluralCategory.One)]
    [InlineData("ti", 2, PluralCategory.Other)]
    [InlineData("fa", 0, PluralCategory.One)]
    [InlineData("fa", 1, PluralCategory.One)]
    [InlineData("fa", 2, PluralCategory.Other)]
    [InlineData("ar", 0, PluralCategory.Zero)]
    [InlineData("ar", 1, PluralCategory.One)]
    [InlineData("ar", 2, PluralCategory.Two)]
    [InlineData("ar", 3, PluralCategory.Few)]
    [InlineData("ar", 10, PluralCategory.Few)]
    [InlineData("ar", 103, PluralCategory.Few)]
    [InlineData("ar", 11, PluralCategory.Many)]
    [InlineData("ar", 99, PluralCategory.Many)]
    [InlineData("ar", 111, PluralCategory.Many)]
    [InlineData("ar", 100, PluralCategory.Other)]
    [InlineData("ar", 102, PluralCategory.Other)]
    public void ShouldFollowCldrWhenANumberIsCategorised(string language, long n, PluralCategory expected) =>
        PluralRules.Category(language, n).ShouldBe(expected);

    [Fact]
    public void ShouldFallBackToOtherWhenALanguageHasNoSeparateForm()
    {
        var forms = new PluralForms(Other: "{0} minuter", One: "{0} minut");

        forms.For("sv", 1).ShouldBe("{0} minut");
        forms.For("sv", 2).ShouldBe("{0} minuter");
        forms.For("ar", 2).ShouldBe("{0} minuter");
    }
}
