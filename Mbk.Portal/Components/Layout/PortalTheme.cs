using MudBlazor;

namespace Mbk.Portal.Components.Layout;

public static class PortalTheme
{
    // System fonts only: the machines running the portal may have no internet access.
    // Status colours darkened from MudBlazor's defaults so white text on them, and them as text on white, reach the
    // WCAG AA contrast of 4.5:1 (checked by the axe tests).
    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Success = "#2e7d32",
            Warning = "#a14a00",
            Error = "#c62828",
            Info = "#01579b",
            // MudBlazor's #ff4081 is 3.3:1 on white ("Lämna platsen", "Klar (K)"); this pink keeps the hue at 5.9:1.
            Secondary = "#c2185b",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography
            {
                FontFamily = ["system-ui", "-apple-system", "Segoe UI", "Roboto", "Helvetica Neue", "Arial", "sans-serif"],
            },
            // Swedish interfaces write buttons in sentence case ("Spara beslut"), not in capitals.
            Button = new ButtonTypography { TextTransform = "none" },
        },
    };
}
