namespace Mbk.Portal.Infrastructure.Localization;

public static class LocalizationSetup
{
    /// <summary>The folder of the .resx files; a resource for <c>Mbk.Portal.Features.X.YResources</c> is <c>Resources/Features/X/YResources.resx</c>.</summary>
    public const string ResourcesPath = "Resources";

    public static IServiceCollection AddPortalLocalization(this IServiceCollection services) =>
        services.AddLocalization(options => options.ResourcesPath = ResourcesPath);
}
