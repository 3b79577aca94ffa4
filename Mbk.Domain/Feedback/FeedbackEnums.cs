namespace Mbk.Domain.Feedback;

/// <summary>What the visitor's feedback is; Swedish names via <see cref="FeedbackNames"/>.</summary>
public enum FeedbackKind
{
    Klagomal = 0,
    Berom = 1,
    Forslag = 2,
    Medborgarforslag = 3,
    Servicekort = 4,
    Ovrigt = 5,
}

/// <summary>How the feedback reached the office (also used for how an answer was given).</summary>
public enum FeedbackChannel
{
    Besok = 0,
    Telefon = 1,
    Epost = 2,
    Brev = 3,
    Webbformular = 4,
}

/// <summary>
/// The workflow: Mottagen → Under handläggning → Besvarad → Avslutad, or forwarded to another authority
/// (Vidarebefordrad) and then closed. See <see cref="FeedbackItem.CanMove"/>.
/// </summary>
public enum FeedbackStatus
{
    Mottagen = 0,
    UnderHandlaggning = 1,
    Besvarad = 2,
    Avslutad = 3,
    Vidarebefordrad = 4,
}

/// <summary>Swedish display names of the feedback enums.</summary>
public static class FeedbackNames
{
    public static string DisplayName(this FeedbackKind kind) => kind switch
    {
        FeedbackKind.Klagomal => "Klagomål",
        FeedbackKind.Berom => "Beröm",
        FeedbackKind.Forslag => "Förslag",
        FeedbackKind.Medborgarforslag => "Medborgarförslag",
        FeedbackKind.Servicekort => "Servicekort",
        FeedbackKind.Ovrigt => "Övrigt",
        _ => kind.ToString(),
    };

    public static string DisplayName(this FeedbackChannel channel) => channel switch
    {
        FeedbackChannel.Besok => "Besök",
        FeedbackChannel.Telefon => "Telefon",
        FeedbackChannel.Epost => "E-post",
        FeedbackChannel.Brev => "Brev",
        FeedbackChannel.Webbformular => "Webbformulär",
        _ => channel.ToString(),
    };

    public static string DisplayName(this FeedbackStatus status) => status switch
    {
        FeedbackStatus.Mottagen => "Mottagen",
        FeedbackStatus.UnderHandlaggning => "Under handläggning",
        FeedbackStatus.Besvarad => "Besvarad",
        FeedbackStatus.Avslutad => "Avslutad",
        FeedbackStatus.Vidarebefordrad => "Vidarebefordrad",
        _ => status.ToString(),
    };

    /// <summary>Parses the Swedish kind name (case-insensitive, also without å/ä/ö), for imports.</summary>
    public static FeedbackKind? ParseKind(string? text)
    {
        var wanted = Fold(text);
        foreach (var kind in Enum.GetValues<FeedbackKind>())
        {
            if (Fold(kind.DisplayName()) == wanted || Fold(kind.ToString()) == wanted)
            {
                return kind;
            }
        }

        return null;
    }

    private static string Fold(string? text) => (text ?? string.Empty).Trim().ToUpperInvariant()
        .Replace('Å', 'A').Replace('Ä', 'A').Replace('Ö', 'O');
}
