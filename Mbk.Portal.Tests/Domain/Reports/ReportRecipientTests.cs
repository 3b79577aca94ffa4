using Mbk.Domain.Common;
using Mbk.Domain.Reports;

namespace Mbk.Portal.Tests.Domain.Reports;

public sealed class ReportRecipientTests
{
    [Fact]
    public void ShouldTrimAndLowerCaseTheAddressWhenAdded()
    {
        var recipient = ReportRecipient.Add(1, " Maria Chef ", " Maria.Chef@Stad.SE ", DateTimeOffset.UnixEpoch);

        recipient.Name.ShouldBe("Maria Chef");
        recipient.Email.ShouldBe("maria.chef@stad.se");
    }

    [Theory]
    [InlineData("maria")]
    [InlineData("maria@")]
    [InlineData("maria@stad")]
    [InlineData("ma ria@stad.se")]
    [InlineData("a@b@stad.se")]
    public void ShouldRefuseWithASwedishMessageWhenTheAddressIsInvalid(string email)
    {
        Should.Throw<DomainException>(() => ReportRecipient.Add(1, "Maria", email, DateTimeOffset.UnixEpoch))
            .Message.ShouldContain("inte en giltig e-postadress");
    }

    [Fact]
    public void ShouldRequireANameWhenAdded()
    {
        Should.Throw<DomainException>(() => ReportRecipient.Add(1, " ", "maria@stad.se", DateTimeOffset.UnixEpoch))
            .Message.ShouldBe("Namnet måste fyllas i.");
    }
}
