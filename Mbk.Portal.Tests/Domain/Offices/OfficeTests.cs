using Mbk.Domain.Common;
using Mbk.Domain.Offices;

namespace Mbk.Portal.Tests.Domain.Offices;

public sealed class OfficeTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 8, 15, 0, TimeSpan.Zero);

    [Fact]
    public void ShouldRaiseOneEventWhenMessageOfTheDayChanges()
    {
        var office = Office.Create("Medborgarkontoret Rinkeby", "rinkeby");

        office.SetMessageOfTheDay("  Morgonmöte kl. 08.30  ", "Maria", Now);

        office.MessageOfTheDay.ShouldBe("Morgonmöte kl. 08.30");
        office.MessageChangedAt.ShouldBe(Now);
        office.MessageChangedBy.ShouldBe("Maria");
        var raised = office.TakeEvents().ShouldHaveSingleItem().ShouldBeOfType<MessageOfTheDayChanged>();
        raised.Text.ShouldBe("Morgonmöte kl. 08.30");
        raised.Topic.ShouldBe("MessageOfTheDayChanged");
        office.TakeEvents().ShouldBeEmpty();
    }

    [Fact]
    public void ShouldClearMessageWhenTextIsBlank()
    {
        var office = Office.Create("Kontoret", "kontoret");
        office.SetMessageOfTheDay("Hej", "Maria", Now);
        office.TakeEvents();

        office.SetMessageOfTheDay("   ", "Maria", Now.AddMinutes(1));

        office.MessageOfTheDay.ShouldBeNull();
        office.TakeEvents().ShouldHaveSingleItem();
    }

    [Fact]
    public void ShouldRaiseNothingWhenMessageIsUnchanged()
    {
        var office = Office.Create("Kontoret", "kontoret");
        office.SetMessageOfTheDay("Hej", "Maria", Now);
        office.TakeEvents();

        office.SetMessageOfTheDay("Hej", "Ahmed", Now.AddMinutes(5));

        office.MessageChangedBy.ShouldBe("Maria");
        office.TakeEvents().ShouldBeEmpty();
    }

    [Fact]
    public void ShouldRefuseMessageLongerThanLimitAndKeepTheOldOne()
    {
        var office = Office.Create("Kontoret", "kontoret");
        office.SetMessageOfTheDay("Gammalt", "Maria", Now);

        var error = Should.Throw<DomainException>(() => office.SetMessageOfTheDay(new string('a', Office.MessageMaxLength + 1), "Maria", Now));

        error.Message.ShouldBe("Dagens meddelande får vara högst 1000 tecken (nu 1001).");
        office.MessageOfTheDay.ShouldBe("Gammalt");
    }

    [Fact]
    public void ShouldRefuseOfficeWithoutName()
    {
        Should.Throw<DomainException>(() => Office.Create("  ", "rinkeby")).Message.ShouldBe("Kontorets namn måste fyllas i.");
    }
}

public sealed class OfficeSlugTests
{
    [Theory]
    [InlineData("rinkeby", "rinkeby")]
    [InlineData(" Rinkeby ", "rinkeby")]
    [InlineData("skarholmen-2", "skarholmen-2")]
    public void ShouldNormaliseValidSlug(string input, string expected) => OfficeSlug.Parse(input).ShouldBe(expected);

    [Theory]
    [InlineData("")]
    [InlineData("rågsved")]
    [InlineData("två ord")]
    [InlineData("-start")]
    [InlineData("dubbel--streck")]
    public void ShouldRefuseSlugWithInvalidCharacters(string input) =>
        Should.Throw<DomainException>(() => OfficeSlug.Parse(input)).Message.ShouldNotBeNullOrWhiteSpace();
}
