using System.Xml.Linq;

namespace MasteryEngine.Deploy.Tests;

/// <summary>
/// An image builds only from what its Dockerfile copies: every project its service references, directly or through
/// another project, must be copied, its project file before the restore and its folder before the publish.
/// </summary>
public sealed class DockerfileProjectCopyTests
{
    [Theory]
    [InlineData("deploy/Dockerfile", "Gateway/MasteryEngine.Gateway.csproj")]
    [InlineData("deploy/review-agent/Dockerfile", "ReviewAgent/MasteryEngine.ReviewAgent.csproj")]
    public void Every_referenced_project_is_copied_before_the_restore_and_the_publish(string dockerfile, string project)
    {
        var lines = File.ReadAllLines(RepositoryFiles.PathOf(dockerfile.Split('/')));
        var restore = Array.FindIndex(lines, line => line.StartsWith("RUN dotnet restore", StringComparison.Ordinal));
        var publish = Array.FindIndex(lines, line => line.StartsWith("RUN dotnet publish", StringComparison.Ordinal));
        Assert.True(restore >= 0 && publish > restore, $"{dockerfile} restores, then publishes");

        foreach (var needed in ProjectsOf(project))
        {
            var folder = Path.GetDirectoryName(needed)!.Replace('\\', '/') + "/";
            Assert.Contains($"COPY {needed} {folder}", lines[..restore]);
            Assert.Contains($"COPY {folder} {folder}", lines[restore..publish]);
        }
    }

    /// <summary>The project and every project it references, transitively, as paths from the repository root.</summary>
    private static SortedSet<string> ProjectsOf(string project)
    {
        var found = new SortedSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([project]);
        while (pending.TryPop(out var current))
        {
            if (!found.Add(current))
            {
                continue;
            }

            var directory = Path.GetDirectoryName(RepositoryFiles.PathOf(current.Split('/')))!;
            foreach (var reference in XDocument.Load(RepositoryFiles.PathOf(current.Split('/'))).Descendants("ProjectReference"))
            {
                var path = Path.GetFullPath(Path.Combine(directory, reference.Attribute("Include")!.Value.Replace('\\', '/')));
                pending.Push(Path.GetRelativePath(RepositoryFiles.Root, path).Replace('\\', '/'));
            }
        }

        return found;
    }
}
