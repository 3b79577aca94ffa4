namespace Mbk.Portal.Tests.TestSupport;

public static class TestPaths
{
    /// <summary>A fresh folder under the system temp directory for one test host's data.</summary>
    public static string NewTempDirectory(string purpose)
    {
        var path = Path.Combine(Path.GetTempPath(), "mbk-tests", $"{purpose}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(path);
        return path;
    }
}
