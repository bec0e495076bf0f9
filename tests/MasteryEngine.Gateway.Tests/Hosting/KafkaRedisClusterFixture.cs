using System.Globalization;
using MasteryEngine.Gateway.Tests.Metrics;
using MasteryEngine.Testing;
using MasteryEngine.Testing.Kafka;

namespace MasteryEngine.Gateway.Tests.Hosting;

/// <summary>
/// Three gateway processes as production runs them (STORAGE_PROVIDER=redis, STREAM_PROVIDER=kafka) forming one
/// Orleans cluster on one redis-server and one consumer group on librdkafka's mock cluster, the group settled
/// (every partition of the requests topic assigned, each process holding some) before a test starts.
/// </summary>
public sealed class KafkaRedisClusterFixture : IAsyncLifetime
{
    public const int RequestPartitions = 6;

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly List<ClusterMember> members = [];

    public KafkaMockClusterFixture Kafka { get; } = new();

    public RedisServerProcess Redis { get; private set; } = null!;

    public KafkaTestTopics Topics { get; } = KafkaTestTopics.New();

    public string ClusterId { get; } = "kafka-cluster-" + Guid.NewGuid().ToString("N")[..8];

    public IReadOnlyList<ClusterMember> Members => members;

    public async Task InitializeAsync()
    {
        Redis = await RedisServerProcess.StartAsync();
        Kafka.Cluster.CreateTopic(Topics.Requests, RequestPartitions);
        Kafka.Cluster.CreateTopic(Topics.Results, 2);
        Kafka.Cluster.CreateTopic(Topics.Events, 2);
        Kafka.Cluster.CreateTopic(Topics.DeadLetter, 1);
        var starting = Enumerable.Range(0, 3).Select(_ => StartMemberAsync()).ToList();
        try
        {
            members.AddRange(await Task.WhenAll(starting));
        }
        catch
        {
            foreach (var start in starting.Where(start => start.IsCompletedSuccessfully))
            {
                await (await start).Gateway.DisposeAsync();
            }

            throw;
        }

        await Eventually.UntilAsync(GroupHasSettledAsync, Patience, "every requests partition assigned, each member holding some");
    }

    /// <summary>The requests partitions the member consumes, from its <c>kafka_consumer_partition_paused</c> series (one per assigned partition).</summary>
    public async Task<IReadOnlyList<string>> AssignedPartitionsAsync(ClusterMember member) =>
        [.. (await ScrapeAsync(member))
            .Where(sample => sample.Name == "kafka_consumer_partition_paused" && sample.Labels.GetValueOrDefault("topic") == Topics.Requests)
            .Select(sample => sample.Labels["partition"])];

    public async Task<double> EventsProcessedAsync(ClusterMember member) =>
        (await ScrapeAsync(member)).Where(sample => sample.Name == "mastery_events_processed_total").Sum(sample => sample.Value);

    public async Task DisposeAsync()
    {
        foreach (var member in members)
        {
            await member.Gateway.DisposeAsync();
        }

        if (Redis is not null)
        {
            await Redis.DisposeAsync();
        }

        Kafka.Dispose();
    }

    private async Task<ClusterMember> StartMemberAsync()
    {
        var siloPort = RedisServerProcess.FreePort();
        var settings = ProductionGatewaySettings.Create();
        foreach (var (key, value) in Kafka.Configuration(Topics))
        {
            settings[key.Replace(":", "__", StringComparison.Ordinal)] = value!;
        }

        settings["STORAGE_PROVIDER"] = "redis";
        settings["STREAM_PROVIDER"] = "kafka";
        settings["REDIS_HOST"] = Redis.HostAndPort;
        settings["ORLEANS_CLUSTER_ID"] = ClusterId;
        settings["ORLEANS_SILO_PORT"] = siloPort.ToString(CultureInfo.InvariantCulture);
        settings["ORLEANS_GATEWAY_PORT"] = RedisServerProcess.FreePort().ToString(CultureInfo.InvariantCulture);
        return new ClusterMember(await GatewayProcess.StartAsync(settings), siloPort);
    }

    private async Task<bool> GroupHasSettledAsync()
    {
        var assigned = new List<IReadOnlyList<string>>();
        foreach (var member in members)
        {
            assigned.Add(await AssignedPartitionsAsync(member));
        }

        return assigned.All(partitions => partitions.Count > 0)
            && assigned.Sum(partitions => partitions.Count) == RequestPartitions
            && assigned.SelectMany(partitions => partitions).Distinct().Count() == RequestPartitions;
    }

    private static async Task<IReadOnlyList<ExpositionSample>> ScrapeAsync(ClusterMember member)
    {
        using var client = member.Gateway.CreateClient();
        return ExpositionSample.ParseAll(await client.GetStringAsync(new Uri("/metrics", UriKind.Relative)));
    }
}

/// <summary>One gateway process of the cluster and the port its silo listens on (how Orleans' directory names it).</summary>
public sealed record ClusterMember(GatewayProcess Gateway, int SiloPort);
