using Mbk.Portal.Infrastructure.Mail;
using Mbk.Portal.Tests.TestSupport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using MimeKit;

namespace Mbk.Portal.Tests.Infrastructure.Mail;

/// <summary>MailKit against a real SMTP server (aiosmtpd) on loopback.</summary>
public sealed class SmtpMailSenderTests : IAsyncLifetime
{
    private SmtpServer _smtp = default!;

    public async Task InitializeAsync() => _smtp = await SmtpServer.StartAsync();

    public async Task DisposeAsync() => await _smtp.DisposeAsync();

    private static MimeMessage Message()
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse("rapporter@mbk-test.se"));
        message.To.Add(new MailboxAddress("Maria Chef", "maria@stad.se"));
        message.Subject = "Tertialrapport T1 2026 – Rågsved";
        message.Body = new TextPart("plain") { Text = "Hej Åsa!" };
        return message;
    }

    [Fact]
    public async Task ShouldDeliverTheMessageWhenTheServerIsUp()
    {
        var sender = new SmtpMailSender(new ConfigurationBuilder().AddInMemoryCollection(_smtp.Settings()).Build(), NullLogger<SmtpMailSender>.Instance);

        await sender.SendAsync(Message(), CancellationToken.None);

        var received = (await _smtp.WaitForMessagesAsync(1)).Single();
        received.Subject.ShouldBe("Tertialrapport T1 2026 – Rågsved");
        received.TextBody!.Trim().ShouldBe("Hej Åsa!");
    }

    [Fact]
    public async Task ShouldThrowASwedishMessageWhenTheServerIsDown()
    {
        await _smtp.StopAsync();
        var sender = new SmtpMailSender(new ConfigurationBuilder().AddInMemoryCollection(_smtp.Settings()).Build(), NullLogger<SmtpMailSender>.Instance);

        var error = await Should.ThrowAsync<MailDeliveryException>(() => sender.SendAsync(Message(), CancellationToken.None));

        error.Message.ShouldBe($"E-postservern 127.0.0.1:{_smtp.Port} svarar inte (ingen server tar emot anslutningar där).");
        error.Message.ShouldNotContain("refused", Case.Insensitive);
    }

    [Fact]
    public void ShouldReadTheMailKeysWhenTheyAreSet()
    {
        var settings = MailSettings.Read(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Mail:Smtp:Host"] = "127.0.0.1",
            ["Mail:Smtp:Port"] = "2525",
            ["Mail:From"] = "mbk-portal@localhost",
        }).Build());

        settings.Host.ShouldBe("127.0.0.1");
        settings.Port.ShouldBe(2525);
        settings.From.ShouldBe("mbk-portal@localhost");
        settings.UseTls.ShouldBeFalse();
    }
}
