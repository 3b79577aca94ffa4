using System.Net.Mail;
using Mbk.Domain.Common;

namespace Mbk.Domain.Reports;

/// <summary>Someone who receives an office's tertial reports by e-mail (förvaltningen, the manager, the politicians' secretary).</summary>
public sealed class ReportRecipient : Entity
{
    public const int NameMaxLength = 100;
    public const int EmailMaxLength = 254;

    private ReportRecipient()
    {
        Name = string.Empty;
        Email = string.Empty;
    }

    public int OfficeId { get; private set; }

    public string Name { get; private set; }

    /// <summary>Trimmed and lower-cased, so the same address cannot be added twice in another case.</summary>
    public string Email { get; private set; }

    public DateTimeOffset AddedAt { get; private set; }

    public static ReportRecipient Add(int officeId, string name, string email, DateTimeOffset now) => new()
    {
        OfficeId = officeId,
        Name = Text.Required(name, "Namnet", NameMaxLength),
        Email = NormalizeEmail(email),
        AddedAt = now,
    };

    /// <summary>Checks and normalises an e-mail address, with a Swedish message when it is not one.</summary>
    public static string NormalizeEmail(string? email)
    {
        var trimmed = Text.Required(email, "E-postadressen", EmailMaxLength).ToLowerInvariant();
        var at = trimmed.IndexOf('@', StringComparison.Ordinal);
        var valid = at > 0 && at == trimmed.LastIndexOf('@') && trimmed.IndexOf('.', at) > at + 1 && !trimmed.EndsWith('.')
            && !trimmed.Any(char.IsWhiteSpace)
            && MailAddress.TryCreate(trimmed, out var parsed) && parsed.Address == trimmed;
        if (!valid)
        {
            throw new DomainException($"\"{trimmed}\" är inte en giltig e-postadress (till exempel namn@stad.se).");
        }

        return trimmed;
    }
}
