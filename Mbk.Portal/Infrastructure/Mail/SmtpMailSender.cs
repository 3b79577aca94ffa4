using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Mbk.Portal.Infrastructure.Mail;

/// <summary>Hands a message to the mail server.</summary>
public interface IMailSender
{
    /// <summary>Throws <see cref="MailDeliveryException"/> (Swedish message) when the server did not accept the message.</summary>
    Task SendAsync(MimeMessage message, CancellationToken cancellationToken);
}

/// <summary>The server did not take the message; <see cref="Exception.Message"/> is Swedish and shown to managers.</summary>
public sealed class MailDeliveryException : Exception
{
    public MailDeliveryException()
    {
    }

    public MailDeliveryException(string message)
        : base(message)
    {
    }

    public MailDeliveryException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>SMTP with MailKit, one connection per message (reports are a handful of mails a year).</summary>
public sealed partial class SmtpMailSender(IConfiguration configuration, ILogger<SmtpMailSender> logger) : IMailSender
{
    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var settings = MailSettings.Read(configuration);
        using var client = new SmtpClient { Timeout = settings.TimeoutSeconds * 1000 };
        try
        {
            await client.ConnectAsync(settings.Host, settings.Port, settings.UseTls ? SecureSocketOptions.StartTls : SecureSocketOptions.None, cancellationToken);
            if (settings.UserName is not null)
            {
                await client.AuthenticateAsync(settings.UserName, settings.Password ?? string.Empty, cancellationToken);
            }

            await client.SendAsync(message, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogSendFailed(logger, settings.Host, settings.Port, ex);
            throw new MailDeliveryException(Describe(ex, settings), ex);
        }

        try
        {
            await client.DisconnectAsync(quit: true, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The server has already accepted the message; a failed goodbye must not make it look unsent.
            LogDisconnectFailed(logger, ex);
        }
    }

    /// <summary>A Swedish sentence for managers; the library's English message goes to the log with the exception.</summary>
    private static string Describe(Exception ex, MailSettings settings) => ex switch
    {
        System.Net.Sockets.SocketException socket => socket.SocketErrorCode switch
        {
            System.Net.Sockets.SocketError.ConnectionRefused => $"E-postservern {settings.Host}:{settings.Port} svarar inte (ingen server tar emot anslutningar där).",
            System.Net.Sockets.SocketError.HostNotFound or System.Net.Sockets.SocketError.NoData => $"E-postservern {settings.Host} hittades inte (kontrollera namnet).",
            System.Net.Sockets.SocketError.TimedOut => $"E-postservern {settings.Host}:{settings.Port} svarade inte i tid.",
            _ => $"E-postservern {settings.Host}:{settings.Port} kunde inte nås (nätverksfel).",
        },
        SmtpCommandException command => command.ErrorCode switch
        {
            SmtpErrorCode.RecipientNotAccepted => $"E-postservern godtog inte mottagaren {command.Mailbox?.Address} (kod {(int)command.StatusCode}).",
            SmtpErrorCode.SenderNotAccepted => $"E-postservern godtog inte avsändaren {command.Mailbox?.Address} (kod {(int)command.StatusCode}).",
            _ => $"E-postservern tog inte emot meddelandet (kod {(int)command.StatusCode}).",
        },
        SmtpProtocolException => $"E-postservern {settings.Host}:{settings.Port} svarade på ett sätt som inte följer SMTP.",
        AuthenticationException => $"Inloggningen på e-postservern {settings.Host} misslyckades.",
        TimeoutException => $"E-postservern {settings.Host}:{settings.Port} svarade inte i tid.",
        _ => $"Det gick inte att skicka e-post via {settings.Host}:{settings.Port}.",
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sending mail through {Host}:{Port} failed")]
    private static partial void LogSendFailed(ILogger logger, string host, int port, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "SMTP disconnect failed after the message was accepted")]
    private static partial void LogDisconnectFailed(ILogger logger, Exception exception);
}
