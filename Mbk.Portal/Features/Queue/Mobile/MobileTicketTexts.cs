using System.Collections.Frozen;
using System.Globalization;
using Mbk.Portal.Features.Queue.Kiosk;

namespace Mbk.Portal.Features.Queue.Mobile;

/// <summary>
/// The mobile ticket's own strings in one language; the figures ("3 före dig", the estimate, the language names)
/// come from the kiosk's strings of the same language (<see cref="Kiosk"/>), so kiosk and phone say the same.
/// </summary>
public sealed record MobileTicketStrings(
    KioskStrings Kiosk,
    string Heading,
    string YourTurn,
    string GoToFormat,
    string Serving,
    string Parked,
    string Done,
    string NoShow,
    string NotServed,
    string GivenUp,
    string KeepOpen,
    string SoundHint,
    string GiveUp,
    string GiveUpQuestion,
    string GiveUpConfirm,
    string GiveUpCancel)
{
    public string Code => Kiosk.Code;

    public bool IsRtl => Kiosk.IsRtl;

    /// <summary>"Gå till Bord 2".</summary>
    public string GoTo(string placeName) => string.Format(CultureInfo.InvariantCulture, GoToFormat, placeName);
}

/// <summary>The mobile ticket page's texts in the kiosk's six languages.</summary>
public static class MobileTicketTexts
{
    /// <summary>The answer for an unknown, expired or guessed code: the same in every case, so it reveals nothing.</summary>
    public const string NotFoundSv = "Nummerlappen finns inte eller har gått ut";

    public const string NotFoundEn = "The ticket does not exist or has expired";

    private static readonly FrozenDictionary<string, MobileTicketStrings> ByCode = new MobileTicketStrings[]
    {
        new(KioskTexts.For("sv"),
            Heading: "Din nummerlapp",
            YourTurn: "Det är din tur!",
            GoToFormat: "Gå till {0}",
            Serving: "Du får hjälp nu.",
            Parked: "Ditt besök är pausat. Gå tillbaka när du är klar.",
            Done: "Tack för ditt besök!",
            NoShow: "Du kom inte när ditt nummer ropades upp. Ta en ny nummerlapp om du fortfarande behöver hjälp.",
            NotServed: "Kontoret har stängt för i dag. Välkommen tillbaka en annan dag.",
            GivenUp: "Du har lämnat kön. Välkommen tillbaka!",
            KeepOpen: "Håll sidan öppen, så ser du när det är din tur.",
            SoundHint: "Tryck en gång på skärmen, så hör du en signal när det är din tur.",
            GiveUp: "Jag behöver inte längre hjälp",
            GiveUpQuestion: "Vill du lämna kön? Numret kan inte användas igen.",
            GiveUpConfirm: "Ja, lämna kön",
            GiveUpCancel: "Nej, jag stannar"),
        new(KioskTexts.For("en"),
            Heading: "Your ticket",
            YourTurn: "It is your turn!",
            GoToFormat: "Please go to {0}",
            Serving: "You are being helped now.",
            Parked: "Your visit is paused. Go back when you are ready.",
            Done: "Thank you for your visit!",
            NoShow: "You did not come when your number was called. Take a new ticket if you still need help.",
            NotServed: "The office has closed for today. Welcome back another day.",
            GivenUp: "You have left the queue. Welcome back!",
            KeepOpen: "Keep this page open to see when it is your turn.",
            SoundHint: "Tap the screen once to hear a signal when it is your turn.",
            GiveUp: "I no longer need help",
            GiveUpQuestion: "Do you want to leave the queue? The number cannot be used again.",
            GiveUpConfirm: "Yes, leave the queue",
            GiveUpCancel: "No, I will stay"),
        new(KioskTexts.For("ar"),
            Heading: "رقم انتظارك",
            YourTurn: "حان دورك!",
            GoToFormat: "تفضل إلى {0}",
            Serving: "تتم مساعدتك الآن.",
            Parked: "زيارتك متوقفة مؤقتًا. عد عندما تكون جاهزًا.",
            Done: "شكرًا لزيارتك!",
            NoShow: "لم تحضر عندما نودي رقمك. خذ رقمًا جديدًا إذا كنت لا تزال بحاجة إلى مساعدة.",
            NotServed: "أغلق المكتب لهذا اليوم. مرحبًا بك في يوم آخر.",
            GivenUp: "لقد غادرت الطابور. مرحبًا بعودتك!",
            KeepOpen: "أبقِ هذه الصفحة مفتوحة لترى متى يحين دورك.",
            SoundHint: "المس الشاشة مرة واحدة لتسمع إشارة عندما يحين دورك.",
            GiveUp: "لم أعد بحاجة إلى مساعدة",
            GiveUpQuestion: "هل تريد مغادرة الطابور؟ لا يمكن استخدام الرقم مرة أخرى.",
            GiveUpConfirm: "نعم، غادر الطابور",
            GiveUpCancel: "لا، سأبقى"),
        new(KioskTexts.For("so"),
            Heading: "Lambarkaaga",
            YourTurn: "Waa markaaga!",
            GoToFormat: "Fadlan u gudub {0}",
            Serving: "Hadda ayaa lagu caawinayaa.",
            Parked: "Booqashadaada waa la hakiyay. Ku soo laabo marka aad diyaar tahay.",
            Done: "Waad ku mahadsan tahay booqashadaada!",
            NoShow: "Ma aadan iman markii lambarkaaga la yeedhay. Qaado lambar cusub haddii aad weli caawimaad u baahan tahay.",
            NotServed: "Xafiisku maanta waa xiran yahay. Ku soo dhawoow maalin kale.",
            GivenUp: "Safka waad ka baxday. Ku soo dhawoow mar kale!",
            KeepOpen: "Boggan furan u daa si aad u aragto marka ay kuu timaaddo.",
            SoundHint: "Hal mar taabo shaashadda si aad u maqasho calaamad marka ay kuu timaaddo.",
            GiveUp: "Caawimaad uma baahni mar dambe",
            GiveUpQuestion: "Ma rabtaa inaad safka ka baxdo? Lambarka mar kale lama isticmaali karo.",
            GiveUpConfirm: "Haa, ka bax safka",
            GiveUpCancel: "Maya, waan sii joogayaa"),
        new(KioskTexts.For("ti"),
            Heading: "ቍጽርኹም",
            YourTurn: "ተራኹም በጺሑ!",
            GoToFormat: "በጃኹም ናብ {0} ኪዱ",
            Serving: "ሕጂ ሓገዝ ትረኽቡ ኣለኹም።",
            Parked: "ምብጻሕኩም ንግዚኡ ደው ኢሉ ኣሎ። ድሉዋት ምስ ኮንኩም ተመለሱ።",
            Done: "ስለ ምብጻሕኩም የቐንየልና!",
            NoShow: "ቍጽርኹም ምስ ተጸውዐ ኣይመጻእኩምን። ገና ሓገዝ እንተ ደሊኹም ሓድሽ ቍጽሪ ውሰዱ።",
            NotServed: "ቤት ጽሕፈት ንሎሚ ተዓጽዩ ኣሎ። ኣብ ካልእ መዓልቲ ብደሓን ምጹ።",
            GivenUp: "ካብ መስርዕ ወጺእኩም ኢኹም። ብደሓን ተመለሱ!",
            KeepOpen: "ተራኹም ምስ በጽሐ ንምፍላጥ እዚ ገጽ ክፉት ግደፉዎ።",
            SoundHint: "ተራኹም ምስ በጽሐ ድምጺ ንክትሰምዑ ንስክሪን ሓንሳብ ተንክፉዎ።",
            GiveUp: "ደጊም ሓገዝ ኣየድልየንን",
            GiveUpQuestion: "ካብ መስርዕ ክትወጹ ትደልዩ ዶ? እቲ ቍጽሪ ደጊም ኣይሰርሕን።",
            GiveUpConfirm: "እወ፣ ካብ መስርዕ ውጻእ",
            GiveUpCancel: "ኣይፋል፣ ክጸንሕ እየ"),
        new(KioskTexts.For("fa"),
            Heading: "شمارهٔ نوبت شما",
            YourTurn: "نوبت شماست!",
            GoToFormat: "لطفاً به {0} بروید",
            Serving: "اکنون به شما کمک می‌شود.",
            Parked: "مراجعهٔ شما موقتاً متوقف شده است. هر وقت آماده بودید برگردید.",
            Done: "از مراجعهٔ شما سپاسگزاریم!",
            NoShow: "وقتی شمارهٔ شما خوانده شد نیامدید. اگر هنوز به کمک نیاز دارید، شمارهٔ جدیدی بگیرید.",
            NotServed: "دفتر برای امروز بسته شده است. روز دیگری خوش آمدید.",
            GivenUp: "شما از صف خارج شدید. دوباره خوش آمدید!",
            KeepOpen: "این صفحه را باز نگه دارید تا ببینید چه زمانی نوبت شماست.",
            SoundHint: "یک بار صفحه را لمس کنید تا وقتی نوبت شما رسید صدایی بشنوید.",
            GiveUp: "دیگر به کمک نیاز ندارم",
            GiveUpQuestion: "آیا می‌خواهید از صف خارج شوید؟ این شماره دوباره قابل استفاده نیست.",
            GiveUpConfirm: "بله، از صف خارج شوم",
            GiveUpCancel: "نه، می‌مانم"),
    }.ToFrozenDictionary(t => t.Code, StringComparer.Ordinal);

    public static MobileTicketStrings Swedish => ByCode[KioskTexts.DefaultLanguage];

    /// <summary>The texts of a language code; Swedish for an unknown or missing code.</summary>
    public static MobileTicketStrings For(string? code) =>
        code is not null && ByCode.TryGetValue(code, out var texts) ? texts : Swedish;
}
