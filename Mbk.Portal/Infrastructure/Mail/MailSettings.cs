namespace Mbk.Portal.Infrastructure.Mail;

/// <summary>
/// <c>Mail:Smtp:Host</c>, <c>Mail:Smtp:Port</c>, <c>Mail:Smtp:UseTls</c> (STARTTLS when the server offers it; false on
/// loopback), optional <c>Mail:Smtp:UserName</c>/<c>Mail:Smtp:Password</c>, and <c>Mail:From</c>.
/// </summary>
public sealed class MailSettings
{
    public string Host { get; init; } = "localhost";

    public int Port { get; init; } = 25;

    public bool UseTls { get; init; }

    public string? UserName { get; init; }

    public string? Password { get; init; }

    public string From { get; init; } = "Mbk Portal <noreply@mbk-portal.local>";

    public int TimeoutSeconds { get; init; } = 30;

    public static MailSettings Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var smtp = configuration.GetSection("Mail:Smtp");
        var defaults = new MailSettings();
        return new MailSettings
        {
            Host = smtp["Host"] is { Length: > 0 } host ? host : defaults.Host,
            Port = smtp.GetValue("Port", defaults.Port),
            UseTls = smtp.GetValue("UseTls", defaults.UseTls),
            UserName = smtp["UserName"] is { Length: > 0 } user ? user : null,
            Password = smtp["Password"],
            From = configuration["Mail:From"] is { Length: > 0 } from ? from : defaults.From,
            TimeoutSeconds = smtp.GetValue("TimeoutSeconds", defaults.TimeoutSeconds),
        };
    }
}
