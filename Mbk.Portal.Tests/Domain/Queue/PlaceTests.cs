using Mbk.Domain.Common;
using Mbk.Domain.Queue;

namespace Mbk.Portal.Tests.Domain.Queue;

public class PlaceTests
{
    [Fact]
    public void ShouldCreateActivePlaceWithTrimmedNameWhenCreated()
    {
        var place = Place.Create(3, "  Bord 1 ", 1);

        place.OfficeId.ShouldBe(3);
        place.Name.ShouldBe("Bord 1");
        place.SortOrder.ShouldBe(1);
        place.IsActive.ShouldBeTrue();
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void ShouldRefuseWhenNameIsMissing(string name)
    {
        var error = Should.Throw<DomainException>(() => Place.Create(3, name, 1));

        error.Message.ShouldBe("Platsens namn måste fyllas i.");
    }

    [Fact]
    public void ShouldRefuseWhenNameIsLongerThanSixtyCharacters()
    {
        var error = Should.Throw<DomainException>(() => Place.Create(3, new string('x', 61), 1));

        error.Message.ShouldBe("Platsens namn får vara högst 60 tecken (nu 61).");
    }

    [Fact]
    public void ShouldAcceptNameWhenExactlySixtyCharacters()
    {
        Place.Create(3, new string('x', 60), 1).Name.Length.ShouldBe(60);
    }

    [Fact]
    public void ShouldChangeNameWhenRenamed()
    {
        var place = Place.Create(3, "Bord 1", 1);

        place.Rename("Informationsdisken");

        place.Name.ShouldBe("Informationsdisken");
    }

    [Fact]
    public void ShouldKeepOldNameWhenRenameIsRefused()
    {
        var place = Place.Create(3, "Bord 1", 1);

        Should.Throw<DomainException>(() => place.Rename(" "));

        place.Name.ShouldBe("Bord 1");
    }

    [Fact]
    public void ShouldChangeSortOrderWhenMoved()
    {
        var place = Place.Create(3, "Bord 1", 1);

        place.ChangeSortOrder(5);

        place.SortOrder.ShouldBe(5);
    }

    [Fact]
    public void ShouldToggleActiveWhenDeactivatedAndActivated()
    {
        var place = Place.Create(3, "Bord 1", 1);

        place.Deactivate();
        place.IsActive.ShouldBeFalse();

        place.Activate();
        place.IsActive.ShouldBeTrue();
    }
}
