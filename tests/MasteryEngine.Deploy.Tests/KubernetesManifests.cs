using YamlDotNet.RepresentationModel;

namespace MasteryEngine.Deploy.Tests;

/// <summary>Every document of every file in deploy/k8s (what is applied) and deploy/k8s-examples, parsed.</summary>
public static class KubernetesManifests
{
    public static string Directory => RepositoryFiles.PathOf("deploy", "k8s");

    public static string ExamplesDirectory => RepositoryFiles.PathOf("deploy", "k8s-examples");

    public static IReadOnlyList<(string File, YamlMappingNode Document)> All { get; } = Load(Directory);

    public static IReadOnlyList<(string File, YamlMappingNode Document)> Examples { get; } = Load(ExamplesDirectory);

    public static YamlMappingNode Example(string kind, string name) =>
        Examples.Select(m => m.Document).Single(d => d.Text("kind") == kind && d.Text("metadata", "name") == name);

    public static YamlMappingNode Named(string kind, string name) =>
        All.Select(m => m.Document).Single(d => d.Text("kind") == kind && d.Text("metadata", "name") == name);

    public static YamlNode Container() =>
        Named("StatefulSet", "mastery-engine").Items("spec", "template", "spec", "containers").Single();

    private static List<(string, YamlMappingNode)> Load(string directory)
    {
        var documents = new List<(string, YamlMappingNode)>();
        foreach (var file in System.IO.Directory.GetFiles(directory, "*.yaml").Order(StringComparer.Ordinal))
        {
            var stream = new YamlStream();
            using (var reader = new StreamReader(file))
            {
                stream.Load(reader);
            }

            documents.AddRange(stream.Documents.Select(d => (Path.GetFileName(file), (YamlMappingNode)d.RootNode)));
        }

        return documents;
    }
}
