namespace MasteryEngine.Dashboard.Tests;

/// <summary>Where test artefacts go: <c>$TEST_RESULTS_DIR</c> (set by scripts/test.sh), else artifacts/test-results in the repository.</summary>
public static class Artifacts
{
    public static string Directory(string name)
    {
        var root = Environment.GetEnvironmentVariable("TEST_RESULTS_DIR") is { Length: > 0 } configured ? configured : Path.Combine(RepositoryRoot(), "artifacts", "test-results");
        var path = Path.Combine(root, name);
        System.IO.Directory.CreateDirectory(path);
        return path;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MasteryEngine.Orleans.sln")))
            {
                return dir.FullName;
            }
        }

        return AppContext.BaseDirectory;
    }
}
