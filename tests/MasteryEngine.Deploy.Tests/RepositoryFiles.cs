namespace MasteryEngine.Deploy.Tests;

/// <summary>Finds files of the repository from the test's output directory.</summary>
public static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "MasteryEngine.Orleans.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("MasteryEngine.Orleans.sln not found above " + AppContext.BaseDirectory);
    }
}
