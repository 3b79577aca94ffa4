using Mbk.Domain.Common;
using System.Collections.Frozen;
using System.Globalization;

namespace Mbk.Portal.Features.Queue.Kiosk;

/// <summary>
/// Every visitor-facing string of the kiosk in one language. Formats use composite placeholders ({0}, {1}); call the
/// helpers (<see cref="Ahead"/>, <see cref="Estimate"/>, …) rather than the raw formats.
/// </summary>
public sealed record KioskStrings(
    string Code,
    string LanguageName,
    bool IsRtl,
    string LanguageLabel,
    string TakeTicket,
    string ChooseService,
    string YourNumber,
    string AheadFormat,
    string WaitingFormat,
    PluralForms EstimateFormats,
    string EstimateShortFormat,
    string NoEstimate,
    string Print,
    string Done,
    string Back,
    string Closed,
    string OpensFormat,
    string RateLimited,
    string ServiceUnavailable,
    string Pending,
    string Busy,
    string TryAgain,
    string OfficeNotFound,
    string ServiceLabel,
    string TimeLabel,
    string FollowOnPhone,
    string OutOfOrder,
    string AskStaff,
    IReadOnlyList<string> Weekdays,
    IReadOnlyDictionary<string, string> ServiceNames)
{
    /// <summary>"3 före dig".</summary>
    public string Ahead(int count) => Format(AheadFormat, count);

    /// <summary>"3 väntar", for a service button.</summary>
    public string Waiting(int count) => Format(WaitingFormat, count);

    /// <summary>
    /// "Beräknad väntetid cirka 15 minuter" ("… 1 minut": the language's CLDR plural form), or the no-estimate text
    /// when <paramref name="minutes"/> is null.
    /// </summary>
    public string Estimate(int? minutes) => minutes is { } m ? Format(EstimateFormats.For(Code, m), m) : NoEstimate;

    /// <summary>"cirka 15 min", for a service button; null when there is no estimate.</summary>
    public string? EstimateShort(int? minutes) => minutes is { } m ? Format(EstimateShortFormat, m) : null;

    /// <summary>"Vi öppnar måndag kl. 09:00"; <paramref name="officeLocal"/> is already in the office's time zone.</summary>
    public string Opens(DateTimeOffset officeLocal) =>
        Format(OpensFormat, Weekday(officeLocal.DayOfWeek), officeLocal.ToString("HH:mm", CultureInfo.InvariantCulture));

    public string Weekday(DayOfWeek day) => Weekdays[(int)day];

    /// <summary>The standard service names translated; any other name is shown as it is (in Swedish).</summary>
    public string ServiceName(string swedishName)
    {
        ArgumentNullException.ThrowIfNull(swedishName);
        return ServiceNames.TryGetValue(swedishName.Trim(), out var translated) ? translated : swedishName;
    }

    private static string Format(string format, params object[] args) => string.Format(CultureInfo.InvariantCulture, format, args);
}

/// <summary>
/// The kiosk's languages (Swedish first, the default) and the display's bilingual (Swedish + English) texts.
/// Language names are written in their own script.
/// </summary>
public static class KioskTexts
{
    public const string DefaultLanguage = "sv";

    /// <summary>The standard service names of an office (see StandardOfficeSetup), which the kiosk translates.</summary>
    public const string Samhallsvagledning = "Samhällsvägledning";

    public const string Konsumentvagledning = "Konsumentvägledning";

    public const string ItGuide = "IT-guide/datorhjälp";

    private static readonly CultureInfo SwedishCulture = CultureInfo.GetCultureInfo("sv-SE");

    public static KioskStrings Swedish { get; } = new(
        Code: "sv",
        LanguageName: "Svenska",
        IsRtl: false,
        LanguageLabel: "Språk",
        TakeTicket: "Ta en nummerlapp",
        ChooseService: "Välj tjänst",
        YourNumber: "Ditt nummer",
        AheadFormat: "{0} före dig",
        WaitingFormat: "{0} väntar",
        EstimateFormats: new PluralForms(Other: "Beräknad väntetid cirka {0} minuter", One: "Beräknad väntetid cirka {0} minut"),
        EstimateShortFormat: "cirka {0} min",
        NoEstimate: "Ingen uppskattning av väntetiden ännu",
        Print: "Skriv ut",
        Done: "Klar",
        Back: "Tillbaka",
        Closed: "Kontoret är stängt",
        OpensFormat: "Vi öppnar {0} kl. {1}",
        RateLimited: "För många nummerlappar på kort tid. Vänta en stund och försök igen, eller fråga i informationsdisken.",
        ServiceUnavailable: "Tjänsten är inte tillgänglig just nu",
        Pending: "Ett ögonblick…",
        Busy: "Det gick inte att ta en nummerlapp just nu, och ingen nummerlapp skapades. Tryck på Försök igen.",
        TryAgain: "Försök igen",
        OfficeNotFound: "Kontoret finns inte",
        ServiceLabel: "Tjänst",
        TimeLabel: "Tid",
        FollowOnPhone: "Skanna koden och följ din tur i mobilen",
        OutOfOrder: "Tillfälligt ur funktion",
        AskStaff: "Vänd dig till personalen",
        Weekdays: ["söndag", "måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag"],
        ServiceNames: Services(Samhallsvagledning, Konsumentvagledning, ItGuide));

    public static KioskStrings English { get; } = new(
        Code: "en",
        LanguageName: "English",
        IsRtl: false,
        LanguageLabel: "Language",
        TakeTicket: "Take a queue number",
        ChooseService: "Choose a service",
        YourNumber: "Your number",
        AheadFormat: "{0} ahead of you",
        WaitingFormat: "{0} waiting",
        EstimateFormats: new PluralForms(Other: "Estimated waiting time about {0} minutes", One: "Estimated waiting time about {0} minute"),
        EstimateShortFormat: "about {0} min",
        NoEstimate: "No estimate of the waiting time yet",
        Print: "Print",
        Done: "Done",
        Back: "Back",
        Closed: "The office is closed",
        OpensFormat: "We open on {0} at {1}",
        RateLimited: "Too many tickets in a short time. Please wait a moment and try again, or ask at the information desk.",
        ServiceUnavailable: "The service is not available right now",
        Pending: "One moment…",
        Busy: "We could not give you a number just now, and no number was taken. Press Try again.",
        TryAgain: "Try again",
        OfficeNotFound: "The office does not exist",
        ServiceLabel: "Service",
        TimeLabel: "Time",
        FollowOnPhone: "Scan the code to follow your turn on your phone",
        OutOfOrder: "Temporarily out of order",
        AskStaff: "Please ask the staff",
        Weekdays: ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"],
        ServiceNames: Services("Community guidance", "Consumer advice", "IT guide / computer help"));

    public static KioskStrings Arabic { get; } = new(
        Code: "ar",
        LanguageName: "العربية",
        IsRtl: true,
        LanguageLabel: "اللغة",
        TakeTicket: "خذ رقم انتظار",
        ChooseService: "اختر الخدمة",
        YourNumber: "رقمك",
        AheadFormat: "عدد المنتظرين قبلك: {0}",
        WaitingFormat: "عدد المنتظرين: {0}",
        EstimateFormats: new PluralForms(
            Other: "وقت الانتظار المتوقع حوالي {0} دقيقة",
            Zero: "وقت الانتظار المتوقع أقل من دقيقة",
            One: "وقت الانتظار المتوقع حوالي دقيقة واحدة",
            Two: "وقت الانتظار المتوقع حوالي دقيقتين",
            Few: "وقت الانتظار المتوقع حوالي {0} دقائق",
            Many: "وقت الانتظار المتوقع حوالي {0} دقيقة"),
        EstimateShortFormat: "حوالي {0} دقيقة",
        NoEstimate: "لا يوجد تقدير لوقت الانتظار بعد",
        Print: "طباعة",
        Done: "تم",
        Back: "رجوع",
        Closed: "المكتب مغلق",
        OpensFormat: "نفتح يوم {0} الساعة {1}",
        RateLimited: "تم أخذ عدد كبير جدًا من الأرقام في وقت قصير. يرجى الانتظار قليلًا ثم المحاولة مرة أخرى، أو السؤال في مكتب الاستعلامات.",
        ServiceUnavailable: "الخدمة غير متاحة حاليًا",
        Pending: "لحظة من فضلك…",
        Busy: "تعذّر إعطاؤك رقمًا الآن، ولم يُسجَّل أي رقم. اضغط على «حاول مرة أخرى».",
        TryAgain: "حاول مرة أخرى",
        OfficeNotFound: "المكتب غير موجود",
        ServiceLabel: "الخدمة",
        TimeLabel: "الوقت",
        FollowOnPhone: "امسح الرمز لمتابعة دورك على هاتفك",
        OutOfOrder: "خارج الخدمة مؤقتًا",
        AskStaff: "يرجى التوجه إلى الموظفين",
        Weekdays: ["الأحد", "الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت"],
        ServiceNames: Services("الإرشاد المجتمعي", "إرشاد المستهلك", "مرشد تقنية المعلومات / مساعدة في الحاسوب"));

    public static KioskStrings Somali { get; } = new(
        Code: "so",
        LanguageName: "Soomaali",
        IsRtl: false,
        LanguageLabel: "Luqadda",
        TakeTicket: "Qaado lambarka safka",
        ChooseService: "Dooro adeegga",
        YourNumber: "Lambarkaaga",
        AheadFormat: "{0} qof ayaa kaa horreeya",
        WaitingFormat: "{0} qof ayaa sugaya",
        EstimateFormats: new PluralForms(Other: "Waqtiga sugitaanka la filayo waa qiyaastii {0} daqiiqo"),
        EstimateShortFormat: "qiyaastii {0} daqiiqo",
        NoEstimate: "Weli ma jiro qiyaas waqtiga sugitaanka",
        Print: "Daabac",
        Done: "Dhammaad",
        Back: "Dib u noqo",
        Closed: "Xafiisku waa xiran yahay",
        OpensFormat: "Waxaan furaynaa {0} saacadda {1}",
        RateLimited: "Lambarro aad u badan ayaa la qaatay waqti gaaban gudihiis. Fadlan wax yar sug oo mar kale isku day, ama weydii miiska macluumaadka.",
        ServiceUnavailable: "Adeeggu hadda lama heli karo",
        Pending: "Daqiiqad yar…",
        Busy: "Hadda lambar laguma siin karin, lambarna lama qaadin. Riix Isku day mar kale.",
        TryAgain: "Isku day mar kale",
        OfficeNotFound: "Xafiiskan ma jiro",
        ServiceLabel: "Adeegga",
        TimeLabel: "Waqtiga",
        FollowOnPhone: "Iskaan garee koodhka si aad markaaga ugu raacdo taleefankaaga",
        OutOfOrder: "Si ku meel gaar ah uma shaqeynayo",
        AskStaff: "Fadlan la xiriir shaqaalaha",
        Weekdays: ["Axad", "Isniin", "Talaado", "Arbaco", "Khamiis", "Jimce", "Sabti"],
        ServiceNames: Services("Hagitaanka bulshada", "Hagitaanka macaamiisha", "Hagaha IT / caawimaad kombiyuutar"));

    public static KioskStrings Tigrinya { get; } = new(
        Code: "ti",
        LanguageName: "ትግርኛ",
        IsRtl: false,
        LanguageLabel: "ቋንቋ",
        TakeTicket: "ቍጽሪ መስርዕ ውሰዱ",
        ChooseService: "ኣገልግሎት ምረጹ",
        YourNumber: "ቍጽርኹም",
        AheadFormat: "ኣብ ቅድሜኹም {0} ሰባት ኣለዉ",
        WaitingFormat: "{0} ይጽበዩ ኣለዉ",
        EstimateFormats: new PluralForms(Other: "ግምታዊ ግዜ ምጽባይ ኣስታት {0} ደቓይቕ", One: "ግምታዊ ግዜ ምጽባይ ኣስታት {0} ደቒቕ"),
        EstimateShortFormat: "ኣስታት {0} ደቒቕ",
        NoEstimate: "ክሳብ ሕጂ ግምት ግዜ ምጽባይ የለን",
        Print: "ሕተም",
        Done: "ተወዲኡ",
        Back: "ንድሕሪት",
        Closed: "ቤት ጽሕፈት ዕጹው እዩ",
        OpensFormat: "ቤት ጽሕፈት ብ{0} ሰዓት {1} ይኽፈት",
        RateLimited: "ኣብ ሓጺር ግዜ ብዙሓት ቍጽርታት ተወሲዶም። በጃኹም ቁሩብ ተጸቢኹም እንደገና ፈትኑ፣ ወይ ድማ ኣብ መደበር ሓበሬታ ሕተቱ።",
        ServiceUnavailable: "እዚ ኣገልግሎት ሕጂ ኣይርከብን እዩ",
        Pending: "ሓንሳብ ተጸበዩ…",
        Busy: "ሕጂ ቍጽሪ ክወሃበኩም ኣይተኻእለን፣ ዝኾነ ቍጽሪ እውን ኣይተወስደን። «እንደገና ፈትኑ» ጠውቑ።",
        TryAgain: "እንደገና ፈትኑ",
        OfficeNotFound: "እዚ ቤት ጽሕፈት የለን",
        ServiceLabel: "ኣገልግሎት",
        TimeLabel: "ሰዓት",
        FollowOnPhone: "ተራኹም ብሞባይልኩም ንምክትታል ነቲ ኮድ ስካን ግበሩ",
        OutOfOrder: "ንግዚኡ ኣይሰርሕን ዘሎ",
        AskStaff: "በጃኹም ንሰራሕተኛታት ሕተቱ",
        Weekdays: ["ሰንበት", "ሰኑይ", "ሰሉስ", "ረቡዕ", "ሓሙስ", "ዓርቢ", "ቀዳም"],
        ServiceNames: Services("ምኽሪ ሕብረተሰብ", "ምኽሪ ተጠቀምቲ", "መምርሒ IT / ሓገዝ ኮምፒዩተር"));

    public static KioskStrings Persian { get; } = new(
        Code: "fa",
        LanguageName: "فارسی",
        IsRtl: true,
        LanguageLabel: "زبان",
        TakeTicket: "یک شماره نوبت بگیرید",
        ChooseService: "خدمت مورد نظر را انتخاب کنید",
        YourNumber: "شماره شما",
        AheadFormat: "{0} نفر قبل از شما",
        WaitingFormat: "{0} نفر در انتظار",
        EstimateFormats: new PluralForms(Other: "زمان انتظار تخمینی حدود {0} دقیقه"),
        EstimateShortFormat: "حدود {0} دقیقه",
        NoEstimate: "هنوز برآوردی از زمان انتظار وجود ندارد",
        Print: "چاپ",
        Done: "تمام",
        Back: "بازگشت",
        Closed: "دفتر بسته است",
        OpensFormat: "دفتر روز {0} ساعت {1} باز می‌شود",
        RateLimited: "در مدت کوتاهی شماره‌های زیادی گرفته شده است. لطفاً کمی صبر کنید و دوباره امتحان کنید، یا از میز اطلاعات بپرسید.",
        ServiceUnavailable: "این خدمت در حال حاضر در دسترس نیست",
        Pending: "یک لحظه…",
        Busy: "الان نتوانستیم به شما شماره بدهیم و هیچ شماره‌ای ثبت نشد. «دوباره امتحان کنید» را بزنید.",
        TryAgain: "دوباره امتحان کنید",
        OfficeNotFound: "این دفتر وجود ندارد",
        ServiceLabel: "خدمت",
        TimeLabel: "زمان",
        FollowOnPhone: "کد را اسکن کنید تا نوبت خود را در تلفن همراه دنبال کنید",
        OutOfOrder: "موقتاً از کار افتاده است",
        AskStaff: "لطفاً به کارکنان مراجعه کنید",
        Weekdays: ["یکشنبه", "دوشنبه", "سه‌شنبه", "چهارشنبه", "پنجشنبه", "جمعه", "شنبه"],
        ServiceNames: Services("راهنمایی شهروندی", "مشاوره مصرف‌کنندگان", "راهنمای فناوری اطلاعات / کمک کامپیوتری"));

    /// <summary>The kiosk's languages in the order of the language bar; Swedish first.</summary>
    public static IReadOnlyList<KioskStrings> Languages { get; } = [Swedish, English, Arabic, Somali, Tigrinya, Persian];

    private static readonly FrozenDictionary<string, KioskStrings> ByCode =
        Languages.ToFrozenDictionary(l => l.Code, StringComparer.OrdinalIgnoreCase);

    /// <summary>The strings of a language code (sv, en, ar, so, ti, fa); Swedish for anything else.</summary>
    public static KioskStrings For(string? languageCode) =>
        languageCode is not null && ByCode.TryGetValue(languageCode, out var strings) ? strings : Swedish;

    private static FrozenDictionary<string, string> Services(string samhallsvagledning, string konsumentvagledning, string itGuide) =>
        new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            [Samhallsvagledning] = samhallsvagledning,
            [Konsumentvagledning] = konsumentvagledning,
            [ItGuide] = itGuide,
        }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>The waiting-room display: Swedish first, English small beneath.</summary>
    public static class Display
    {
        public const string NumberSv = "Nummer";
        public const string NumberEn = "Number";
        public const string PlaceSv = "Gå till";
        public const string PlaceEn = "Please go to";
        public const string RecentSv = "Senast kallade";
        public const string RecentEn = "Recently called";
        public const string QueueSv = "Kö just nu";
        public const string QueueEn = "Queue now";
        public const string WaitingSv = "Väntar";
        public const string WaitingEn = "Waiting";
        public const string EstimateSv = "Beräknad väntetid";
        public const string EstimateEn = "Estimated wait";
        public const string NoCallsSv = "Inga nummer har kallats ännu i dag";
        public const string NoCallsEn = "No numbers have been called yet today";
        public const string ClosedSv = "Kontoret är stängt";
        public const string ClosedEn = "The office is closed";
        public const string NotFoundSv = "Kontoret finns inte";
        public const string NotFoundEn = "The office does not exist";
        public const string EnableSound = "Aktivera ljud";
        public const string OfflineSv = "Skärmen har tappat kontakten – siffrorna kan vara inaktuella. Fråga personalen.";
        public const string OfflineEn = "The screen has lost its connection – the figures may be out of date. Please ask the staff.";
        public const string NoEstimate = "–";

        /// <summary>"ca 15 min / about 15 min", or a dash without an estimate.</summary>
        public static string EstimateSvText(int? minutes) =>
            minutes is { } m ? string.Create(CultureInfo.InvariantCulture, $"ca {m} min") : NoEstimate;

        public static string EstimateEnText(int? minutes) =>
            minutes is { } m ? string.Create(CultureInfo.InvariantCulture, $"about {m} min") : string.Empty;

        /// <summary>What the display says aloud in Swedish: "Nummer A23, bord 2".</summary>
        public static string Announcement(string number, string placeName)
        {
            ArgumentNullException.ThrowIfNull(number);
            ArgumentNullException.ThrowIfNull(placeName);
            return $"Nummer {number}, {placeName.ToLower(SwedishCulture)}";
        }
    }
}
