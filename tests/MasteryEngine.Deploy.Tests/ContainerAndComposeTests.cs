using System.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace MasteryEngine.Deploy.Tests;

public sealed class ContainerAndComposeTests
{
    private static readonly string[] DockerfileLines =
        File.ReadAllLines(RepositoryFiles.PathOf("deploy", "Dockerfile")).Where(l => !l.TrimStart().StartsWith('#')).ToArray();

    [Fact]
    public void Dockerfile_builds_with_the_sdk_and_runs_on_the_aspnet_image()
    {
        var stages = DockerfileLines.Where(l => l.StartsWith("FROM ", StringComparison.Ordinal)).ToList();

        Assert.Equal(2, stages.Count);
        Assert.Contains("dotnet/sdk:", stages[0], StringComparison.Ordinal);
        Assert.Contains("dotnet/aspnet:", stages[1], StringComparison.Ordinal);
        Assert.Contains(DockerfileLines, l => l.Contains("COPY --from=build", StringComparison.Ordinal));
    }

    [Fact]
    public void Dockerfile_runtime_has_the_bundled_librdkafka_a_non_root_user_a_healthcheck_and_port_8005()
    {
        var text = string.Join('\n', DockerfileLines);
        var user = DockerfileLines.Last(l => l.StartsWith("USER ", StringComparison.Ordinal));

        Assert.DoesNotContain("apt-get install", text, StringComparison.Ordinal);
        Assert.Contains("-r linux-x64", text, StringComparison.Ordinal);
        Assert.DoesNotContain("centos8-librdkafka.so", text, StringComparison.Ordinal);
        Assert.DoesNotContain("root", user, StringComparison.Ordinal);
        Assert.NotEqual("USER 0", user);
        Assert.Contains("EXPOSE 8005", DockerfileLines);
        Assert.Contains("CMD [\"dotnet\", \"MasteryEngine.Gateway.dll\", \"healthcheck\"]", text, StringComparison.Ordinal);
        Assert.Contains("DOTNET_EnableDiagnostics=0", text, StringComparison.Ordinal);
        Assert.Contains("ASPNETCORE_HTTP_PORTS=8005", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_runs_redis_a_kraft_kafka_broker_and_two_silos_of_one_orleans_cluster()
    {
        var stream = new YamlStream();
        using (var reader = new StreamReader(RepositoryFiles.PathOf("deploy", "docker-compose.yml")))
        {
            stream.Load(reader);
        }

        var services = (YamlMappingNode)stream.Documents.Single().RootNode.At("services");
        var kafka = services.At("kafka");

        Assert.Superset(new HashSet<string> { "redis", "kafka", "silo-1", "silo-2" }, services.Children.Keys.Select(k => ((YamlScalarNode)k).Value!).ToHashSet());
        Assert.StartsWith("apache/kafka:", kafka.Text("image"), StringComparison.Ordinal);
        Assert.Contains("controller", kafka.Text("environment", "KAFKA_PROCESS_ROLES"), StringComparison.Ordinal);
        Assert.Null(kafka.Find("environment", "KAFKA_ZOOKEEPER_CONNECT"));
        Assert.Equal(["8005:8005"], services.At("silo-1").Items("ports").Select(n => ((YamlScalarNode)n).Value));
        Assert.Equal(["8006:8005"], services.At("silo-2").Items("ports").Select(n => ((YamlScalarNode)n).Value));
        foreach (var silo in new[] { "silo-1", "silo-2" })
        {
            Assert.Equal(silo, services.Text(silo, "environment", "KAFKA_GROUP_INSTANCE_ID"));
            Assert.Equal(silo, services.Text(silo, "hostname"));
        }

        // Both silos merge this environment (YAML merge keys): one Redis membership table, one cluster identity.
        var shared = stream.Documents.Single().RootNode.At("x-mastery-engine", "environment");
        Assert.Equal("redis", shared.Text("STORAGE_PROVIDER"));
        Assert.Equal("mastery-engine", shared.Text("ORLEANS_CLUSTER_ID"));
        Assert.Equal("mastery-engine", shared.Text("ORLEANS_SERVICE_ID"));
    }

    [Fact]
    public void Compose_runs_a_sibling_client_that_joins_the_silos_cluster_through_redis_once_both_are_healthy()
    {
        var stream = new YamlStream();
        using (var reader = new StreamReader(RepositoryFiles.PathOf("deploy", "docker-compose.yml")))
        {
            stream.Load(reader);
        }

        var root = stream.Documents.Single().RootNode;
        var sibling = root.At("services", "sibling-client");
        var silos = root.At("x-mastery-engine", "environment");

        Assert.Equal("..", sibling.Text("build", "context"));
        Assert.Equal("deploy/sibling-service/Dockerfile", sibling.Text("build", "dockerfile"));
        // The client finds the silos the way they find each other: the membership table in the same Redis.
        Assert.Equal("redis", sibling.Text("environment", "STORAGE_PROVIDER"));
        foreach (var variable in new[] { "REDIS_HOST", "ORLEANS_SERVICE_ID", "ORLEANS_CLUSTER_ID", "ORLEANS_GATEWAY_PORT" })
        {
            Assert.Equal(silos.Text(variable), sibling.Text("environment", variable));
        }

        foreach (var silo in new[] { "silo-1", "silo-2" })
        {
            Assert.Equal("service_healthy", sibling.Text("depends_on", silo, "condition"));
        }

        // The sample takes one student id, runs once and exits; it serves nothing, so it publishes no port.
        Assert.Single(sibling.Items("command"));
        Assert.Equal("no", sibling.Text("restart"));
        Assert.Null(sibling.Find("ports"));
        Assert.Equal("true", sibling.Text("read_only"));
    }

    [Fact]
    public void Sibling_client_image_publishes_the_sample_from_files_that_exist()
    {
        var lines = File.ReadAllLines(RepositoryFiles.PathOf("deploy", "sibling-service", "Dockerfile"))
            .Where(l => !l.TrimStart().StartsWith('#')).ToArray();
        var sources = lines
            .Where(l => l.StartsWith("COPY ", StringComparison.Ordinal) && !l.Contains("--from=", StringComparison.Ordinal))
            .SelectMany(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1..^1])
            .ToList();
        const string project = "samples/SiblingService/MasteryEngine.Samples.SiblingService.csproj";

        Assert.Contains(project, sources);
        Assert.All(sources, source => Assert.True(
            File.Exists(RepositoryFiles.PathOf(source.TrimEnd('/'))) || Directory.Exists(RepositoryFiles.PathOf(source.TrimEnd('/'))), source + " is not in the repository"));
        Assert.Contains(lines, l => l.StartsWith("RUN dotnet publish " + project, StringComparison.Ordinal));
        Assert.Contains("ENTRYPOINT [\"dotnet\", \"MasteryEngine.Samples.SiblingService.dll\"]", lines);
        Assert.DoesNotContain("root", lines.Last(l => l.StartsWith("USER ", StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Yamllint_accepts_every_file_in_deploy()
    {
        const string yamllint = "yamllint";
        var start = new ProcessStartInfo(yamllint)
        {
            ArgumentList = { "--strict", "-c", RepositoryFiles.PathOf("deploy", ".yamllint"), RepositoryFiles.PathOf("deploy") },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };

        using var process = Process.Start(start) ?? throw new InvalidOperationException("yamllint did not start (scripts/test.sh installs it)");
        var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);

        Assert.True(process.ExitCode == 0, output);
    }
}
