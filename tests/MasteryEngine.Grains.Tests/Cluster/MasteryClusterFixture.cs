using MasteryEngine.Silo.Hosting;
using Microsoft.Extensions.Configuration;
using Orleans.Hosting;
using Orleans.TestingHost;

namespace MasteryEngine.Grains.Tests.Cluster;

/// <summary>
/// Two Orleans silos in this process with the service's own grain configuration and memory storage, and a client
/// that publishes to the <c>mastery</c> memory streams. Deploying takes seconds, so one cluster serves a whole
/// collection; every test uses keys of its own. Grain calls time out after <see cref="ResponseTimeout"/>, so a call
/// cycle, which Orleans does not detect, fails a test instead of hanging it.
/// </summary>
public sealed class MasteryClusterFixture : IAsyncLifetime
{
    public static readonly TimeSpan ResponseTimeout = TimeSpan.FromSeconds(3);

    public MasteryClusterFixture()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Silo:ResponseTimeout"] = ResponseTimeout.ToString(),
        }).Build();
        var builder = new InProcessTestClusterBuilder(initialSilosCount: 2);
        builder.Options.ConfigureFileLogging = false;
        builder.ConfigureSilo((_, silo) => silo.AddMemoryGrainStorageAsDefault().AddMasteryEngineGrains(configuration, useKafka: false));
        builder.ConfigureClient(client => client
            .AddMemoryStreams(StreamProviderNames.Mastery)
            .Configure<Orleans.Configuration.ClientMessagingOptions>(options => options.ResponseTimeout = ResponseTimeout));
        Cluster = builder.Build();
    }

    public InProcessTestCluster Cluster { get; }

    public IClusterClient Client => Cluster.Client;

    public Task InitializeAsync() => Cluster.DeployAsync();

    public async Task DisposeAsync() => await Cluster.DisposeAsync();

    public static string NewKey(string prefix) => $"{prefix}_{Guid.NewGuid():N}";
}

[CollectionDefinition(Name)]
public sealed class MasteryClusterCollection : ICollectionFixture<MasteryClusterFixture>
{
    public const string Name = "mastery cluster";
}
