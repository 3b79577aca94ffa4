using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Mbk.Domain.Common;
using Mbk.Portal.Features.Queue.Kiosk;
using Mbk.Portal.Infrastructure.Localization;
using Mbk.Portal.Tests.TestSupport;
using Microsoft.Extensions.Localization;

namespace Mbk.Portal.Tests.Features.Queue;

/// <summary>
/// The visitor screens' .resx files, as a translator leaves them: every language has every key of the Swedish (neutral)
/// file, the plural forms its CLDR rules need and the same placeholders; and the portal reads exactly these texts.
/// </summary>
public sealed partial class VisitorTextResourcesTests
{
    private static readonly string ResourcesFolder = Path.Combine(TestPaths.RepositoryRoot, "Mbk.Portal", LocalizationSetup.ResourcesPath);

    /// <summary>A resource file: its base name (KioskResources), folder under Resources/, language and entries.</summary>
    private sealed record ResourceFile(string Path, string BaseName, string Folder, string Language, IReadOnlyDictionary<string, string> Entries)
    {
        public override string ToString() => System.IO.Path.GetRelativePath(ResourcesFolder, Path);
    }

    private static readonly IReadOnlyList<ResourceFile> Files = [.. Directory
        .EnumerateFiles(ResourcesFolder, "*.resx", SearchOption.AllDirectories)
        .Order(StringComparer.Ordinal)
        .Select(Load)];

    private static readonly string[] PluralSuffixes = ["_zero", "_one", "_two", "_few", "_many", "_other"];

    public static TheoryData<string> Translations() => [.. Files.Where(f => f.Language != LocalizedTexts.NeutralLanguage).Select(f => f.ToString())];

    public static TheoryData<string> AllFiles() => [.. Files.Select(f => f.ToString())];

    [Fact]
    public void ShouldHaveTheKioskAndMobileTicketInSixLanguagesAndTheDisplayInTwo()
    {
        string[] six = ["sv", "en", "ar", "so", "ti", "fa"];
        LanguagesOf("KioskResources").ShouldBe(six, ignoreOrder: true);
        LanguagesOf("MobileTicketResources").ShouldBe(six, ignoreOrder: true);
        LanguagesOf("DisplayResources").ShouldBe(["sv", "en"], ignoreOrder: true);
        VisitorLanguages.All.Select(l => l.Code).ShouldBe(six);
    }

    [Theory]
    [MemberData(nameof(Translations))]
    public void ShouldHaveEveryKeyOfTheSwedishFileWhenTranslated(string file)
    {
        var translation = Find(file);
        var swedish = NeutralOf(translation);

        translation.Entries.Keys.Where(k => !IsPlural(k)).ShouldBe(swedish.Entries.Keys.Where(k => !IsPlural(k)), ignoreOrder: true,
            customMessage: $"{file} must have exactly the keys of {swedish}");
        PluralBases(translation).ShouldBe(PluralBases(swedish), ignoreOrder: true);
        translation.Entries.ShouldAllBe(e => !string.IsNullOrWhiteSpace(e.Value));
    }

    [Theory]
    [MemberData(nameof(AllFiles))]
    public void ShouldHaveEveryPluralCategoryTheLanguageNeeds(string file)
    {
        var resource = Find(file);
        var needed = PluralRules.Categories(resource.Language).Select(c => LocalizedTexts.PluralKey(string.Empty, c));

        foreach (var baseKey in PluralBases(resource))
        {
            resource.Entries.Keys.Where(k => k.StartsWith(baseKey + "_", StringComparison.Ordinal))
                .Select(k => k[baseKey.Length..])
                .ShouldBe(needed, ignoreOrder: true, customMessage: $"{file}: {baseKey}'s forms for '{resource.Language}'");
        }
    }

    [Theory]
    [MemberData(nameof(Translations))]
    public void ShouldKeepTheSwedishPlaceholdersWhenTranslated(string file)
    {
        var translation = Find(file);
        var swedish = NeutralOf(translation);

        foreach (var (key, text) in translation.Entries)
        {
            if (IsPlural(key))
            {
                // A form may leave the number out ("دقيقتين", two minutes), but uses nothing the Swedish text lacks.
                var other = Placeholders(swedish.Entries[PluralBase(key) + "_other"]);
                Placeholders(text).ShouldBeSubsetOf(other, $"{file}: {key}");
                if (key.EndsWith("_other", StringComparison.Ordinal))
                {
                    Placeholders(text).ShouldBe(other, $"{file}: {key}");
                }
            }
            else
            {
                Placeholders(text).ShouldBe(Placeholders(swedish.Entries[key]), $"{file}: {key}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(AllFiles))]
    public void ShouldFormatEveryTextWhenGivenItsArguments(string file)
    {
        foreach (var (key, text) in Find(file).Entries)
        {
            Should.NotThrow(() => string.Format(CultureInfo.InvariantCulture, text, "x", "y"), $"{file}: {key}");
        }
    }

    [Theory]
    [MemberData(nameof(AllFiles))]
    public void ShouldReadEveryTextOfTheFileWhenThePortalLocalizesIt(string file)
    {
        // Through the portal's localizer: proves the file is embedded (Swedish) or its satellite assembly deployed.
        var resource = Find(file);
        var type = typeof(KioskTexts).Assembly.GetType($"Mbk.Portal.{resource.Folder.Replace('/', '.')}.{resource.BaseName}")
            .ShouldNotBeNull($"{file} needs a class named {resource.BaseName} in the namespace of its folder");
        var texts = LocalizedTexts.Read(Factory.Create(type), resource.Language);

        foreach (var (key, text) in resource.Entries)
        {
            texts[key].ShouldBe(text, $"{file}: {key}");
        }
    }

    [Theory]
    [InlineData(0, "_zero")]
    [InlineData(1, "_one")]
    [InlineData(2, "_two")]
    [InlineData(3, "_few")]
    [InlineData(11, "_many")]
    [InlineData(100, "_other")]
    [InlineData(103, "_few")]
    public void ShouldPickTheArabicFormOfTheNumberWhenEstimating(int minutes, string form)
    {
        var arabic = Files.Single(f => f.BaseName == "KioskResources" && f.Language == "ar");

        VisitorTexts.Kiosk.For("ar").Estimate(minutes)
            .ShouldBe(string.Format(CultureInfo.InvariantCulture, arabic.Entries["EstimateMinutes" + form], minutes));
    }

    [Fact]
    public void ShouldPickDifferentArabicFormsWhenWaitingThreeElevenOrAHundredMinutes()
    {
        var forms = VisitorTexts.Kiosk.For("ar").EstimateFormats;

        forms.For("ar", 3).ShouldBe(forms.Few.ShouldNotBeNull());
        forms.For("ar", 11).ShouldBe(forms.Many.ShouldNotBeNull());
        forms.For("ar", 100).ShouldBe(forms.Other);
        forms.Few.ShouldNotBe(forms.Many);
        VisitorTexts.Kiosk.For("ar").Estimate(3).ShouldBe("وقت الانتظار المتوقع حوالي 3 دقائق");
        VisitorTexts.Kiosk.For("ar").Estimate(11).ShouldBe("وقت الانتظار المتوقع حوالي 11 دقيقة");
    }

    [Fact]
    public void ShouldFallBackToTheLanguagesOwnOtherFormWhenACategoryIsMissing()
    {
        // A Somali file without "_one" must not borrow the Swedish "_one".
        var localizer = new FakeLocalizer(new()
        {
            [""] = new() { ["Minutes_one"] = "{0} minut", ["Minutes_other"] = "{0} minuter" },
            ["so"] = new() { ["Minutes_other"] = "{0} daqiiqo" },
        });

        var forms = LocalizedTexts.Read(localizer, "so").Plural("Minutes");

        forms.For("so", 1).ShouldBe("{0} daqiiqo");
        LocalizedTexts.Read(localizer, "sv").Plural("Minutes").For("sv", 1).ShouldBe("{0} minut");
    }

    private static IStringLocalizerFactory Factory => VisitorTexts.LocalizerFactory;

    private static ResourceFile Load(string path)
    {
        var name = Path.GetFileNameWithoutExtension(path);
        var dot = name.IndexOf('.', StringComparison.Ordinal);
        var entries = XDocument.Load(path).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string)d.Element("value")!, StringComparer.Ordinal);
        return new ResourceFile(
            path,
            dot < 0 ? name : name[..dot],
            Path.GetRelativePath(ResourcesFolder, Path.GetDirectoryName(path)!).Replace('\\', '/'),
            dot < 0 ? LocalizedTexts.NeutralLanguage : name[(dot + 1)..],
            entries);
    }

    private static ResourceFile Find(string file) => Files.Single(f => f.ToString() == file);

    private static ResourceFile NeutralOf(ResourceFile file) =>
        Files.Single(f => f.Folder == file.Folder && f.BaseName == file.BaseName && f.Language == LocalizedTexts.NeutralLanguage);

    private static IEnumerable<string> LanguagesOf(string baseName) => Files.Where(f => f.BaseName == baseName).Select(f => f.Language);

    private static bool IsPlural(string key) => PluralSuffixes.Any(s => key.EndsWith(s, StringComparison.Ordinal));

    private static string PluralBase(string key) => key[..key.LastIndexOf('_')];

    private static IEnumerable<string> PluralBases(ResourceFile file) => file.Entries.Keys.Where(IsPlural).Select(PluralBase).Distinct();

    private static IEnumerable<string> Placeholders(string text) =>
        PlaceholderPattern().Matches(text).Select(m => m.Value).Distinct().Order(StringComparer.Ordinal);

    [GeneratedRegex(@"\{\d+(,[^}]*)?(:[^}]*)?\}")]
    private static partial Regex PlaceholderPattern();

    /// <summary>A localizer over dictionaries per culture name ("" the neutral one), resolving as the real one does.</summary>
    private sealed class FakeLocalizer(Dictionary<string, Dictionary<string, string>> cultures) : IStringLocalizer
    {
        public LocalizedString this[string name] => GetAllStrings(true).SingleOrDefault(s => s.Name == name) ?? new LocalizedString(name, name, resourceNotFound: true);

        public LocalizedString this[string name, params object[] arguments] => this[name];

        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures)
        {
            var culture = CultureInfo.CurrentUICulture;
            var own = cultures.GetValueOrDefault(culture.TwoLetterISOLanguageName == "sv" ? string.Empty : culture.Name) ?? [];
            var all = includeParentCultures ? cultures[string.Empty].Concat(own).GroupBy(e => e.Key).ToDictionary(g => g.Key, g => g.Last().Value) : own;
            return all.Select(e => new LocalizedString(e.Key, e.Value));
        }
    }
}
