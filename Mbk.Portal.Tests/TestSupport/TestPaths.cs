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

    /// <summary>The repository's root folder (where Mbk.sln is), found upwards from the test binaries.</summary>
    public static string RepositoryRoot
    {
        get
        {
            for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            {
                if (File.Exists(Path.Combine(folder.FullName, "Mbk.sln")))
                {
                    return folder.FullName;
                }
            }

            throw new InvalidOperationException("Mbk.sln was not found above " + AppContext.BaseDirectory);
        }
    }
}
