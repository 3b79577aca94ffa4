using System.Globalization;
using Mbk.Portal.Features.Reports;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Mbk.Portal.Infrastructure.Configuration;

/// <summary>Marker options whose validation checks every setting the portal reads (Portal, Database, Queue, Mail, Reports, Identity).</summary>
public sealed class PortalSettingsCheck;

/// <summary>
/// Checks the settings when the portal starts (<c>ValidateOnStart</c>), so a bad value stops start-up with a message
/// that names the key and what is allowed, instead of failing later at the first ticket or report.
/// </summary>
internal sealed class SettingsValidator(IConfiguration configuration) : IValidateOptions<PortalSettingsCheck>
{
    public ValidateOptionsResult Validate(string? name, PortalSettingsCheck options)
    {
        var errors = new List<string>();
        if (configuration["Portal:DataDirectory"] is { } dataDirectory && string.IsNullOrWhiteSpace(dataDirectory))
        {
            errors.Add("Portal:DataDirectory är tom: ange en mapp (eller ta bort nyckeln för standardmappen data).");
        }

        if (configuration["Database:Provider"] is { } provider)
        {
            if (provider.Equals("PostgreSql", StringComparison.OrdinalIgnoreCase))
            {
                if (string.IsNullOrWhiteSpace(configuration.GetConnectionString("Portal")))
                {
                    errors.Add("ConnectionStrings:Portal saknas: med Database:Provider PostgreSql måste anslutningen till PostgreSQL anges.");
                }
            }
            else if (!provider.Equals("Sqlite", StringComparison.OrdinalIgnoreCase))
            {
                errors.Add($"Database:Provider '{provider}' stöds inte; använd Sqlite eller PostgreSql.");
            }
        }

        Integer(errors, "Database:BusyTimeoutMilliseconds", 100, 600_000);
        Integer(errors, "Queue:KioskMaxTickets", 1, 10_000);
        Integer(errors, "Queue:KioskDeviceMaxTickets", 1, 10_000);
        Integer(errors, "Queue:KioskWindowSeconds", 1, 86_400);
        Integer(errors, "Queue:EndOfDayGraceMinutes", 0, 1_440);
        Integer(errors, "Queue:EndOfDayCheckMinutes", 1, 1_440);
        Integer(errors, "Queue:MobileTicketRequestsPerMinute", 1, 100_000);
        if (configuration["Portal:KnownProxies"] is { Length: > 0 } proxies
            && proxies.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault(p => !System.Net.IPAddress.TryParse(p, out _)) is { } badProxy)
        {
            errors.Add($"Portal:KnownProxies: '{badProxy}' är ingen IP-adress; ange proxyns adresser åtskilda med komma, t.ex. 10.0.0.5,10.0.0.6.");
        }
        if (configuration["Queue:PublicBaseUrl"] is { Length: > 0 } publicBase
            && (!Uri.TryCreate(publicBase, UriKind.Absolute, out var publicUri) || publicUri.Scheme is not ("https" or "http") || publicUri.Query.Length > 0))
        {
            errors.Add($"Queue:PublicBaseUrl '{publicBase}' är ingen webbadress; ange t.ex. https://ko.stad.se (adressen där /t/… nås utifrån).");
        }
        Integer(errors, "Mail:Smtp:Port", 1, 65_535);
        Integer(errors, "Mail:Smtp:TimeoutSeconds", 1, 600);
        Boolean(errors, "Mail:Smtp:UseTls");
        Boolean(errors, "Hangfire:Server:Enabled");
        if (configuration["Hangfire:Storage"] is { } storage)
        {
            if (storage.Equals("PostgreSql", StringComparison.OrdinalIgnoreCase))
            {
                if (!string.Equals(configuration["Database:Provider"], "PostgreSql", StringComparison.OrdinalIgnoreCase))
                {
                    errors.Add("Hangfire:Storage PostgreSql kräver Database:Provider PostgreSql (jobben lagras i portalens PostgreSQL-databas).");
                }
            }
            else if (!storage.Equals("InMemory", StringComparison.OrdinalIgnoreCase))
            {
                errors.Add($"Hangfire:Storage '{storage}' stöds inte; använd InMemory eller PostgreSql.");
            }
        }
        if (configuration["Mail:From"] is { Length: > 0 } from && !MailboxAddress.TryParse(from, out _))
        {
            errors.Add($"Mail:From '{from}' är ingen e-postadress (t.ex. Mbk Portal <noreply@stad.se>).");
        }

        if (configuration["Identity:RevalidationInterval"] is { } interval
            && (!TimeSpan.TryParse(interval, CultureInfo.InvariantCulture, out var span) || span <= TimeSpan.Zero || span > TimeSpan.FromHours(1)))
        {
            errors.Add($"Identity:RevalidationInterval '{interval}' måste vara en tid över 0 och högst en timme (t.ex. 00:01:00).");
        }

        if (configuration["Reports:TimeZone"] is { Length: > 0 } zone && !TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _))
        {
            errors.Add($"Reports:TimeZone '{zone}' är ingen känd tidszon (t.ex. Europe/Stockholm).");
            return ValidateOptionsResult.Fail(errors);
        }

        Integer(errors, "Reports:CatchUpDays", 0, 366);
        Integer(errors, "Reports:LeaseMinutes", 1, 1_440);
        try
        {
            ReportSettings.Read(configuration);
        }
        catch (Exception ex) when (ex is InvalidOperationException or FormatException)
        {
            errors.Add(ex.Message);
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private void Integer(List<string> errors, string key, int min, int max)
    {
        if (configuration[key] is not { } text)
        {
            return;
        }

        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"{key} '{text}' måste vara ett heltal från {min} till {max}."));
        }
    }

    private void Boolean(List<string> errors, string key)
    {
        if (configuration[key] is { } text && !bool.TryParse(text, out _))
        {
            errors.Add($"{key} '{text}' måste vara true eller false.");
        }
    }
}

public static class SettingsValidationExtensions
{
    public static IServiceCollection AddSettingsValidation(this IServiceCollection services)
    {
        services.AddSingleton<IValidateOptions<PortalSettingsCheck>, SettingsValidator>();
        services.AddOptions<PortalSettingsCheck>().ValidateOnStart();
        return services;
    }

    /// <summary>Runs the check now (before the database is touched); throws <see cref="OptionsValidationException"/> listing every bad key.</summary>
    public static void ValidateSettings(this IServiceProvider services) =>
        _ = services.GetRequiredService<IOptions<PortalSettingsCheck>>().Value;
}
