using MudBlazor;

namespace Mbk.Portal.Components.Layout;

public static class PortalTheme
{
    // System fonts only: the machines running the portal may have no internet access.
    public static MudTheme Theme { get; } = new()
    {
        Typography = new Typography
        {
            Default = new DefaultTypography
            {
                FontFamily = ["system-ui", "-apple-system", "Segoe UI", "Roboto", "Helvetica Neue", "Arial", "sans-serif"],
            },
        },
    };
}
