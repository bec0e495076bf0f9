using System.Text.Json;
using MasteryEngine.Grains;
using Orleans.Runtime;
using MasteryEngine.Silo.Kafka;
using MasteryEngine.Testing;
using MasteryEngine.Testing.Kafka;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace MasteryEngine.Kafka.Tests;

/// <summary>Takes its own cluster's broker down, so it has a fixture of its own.</summary>
public sealed class KafkaUnavailableTests(KafkaMockClusterFixture cluster) : IClassFixture<KafkaMockClusterFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task With_the_broker_down_publishing_fails_with_a_retryable_error_and_readiness_fails_then_both_recover()
    {
        var topics = cluster.CreateTopics();
        using var host = await KafkaSiloHost.StartAsync(cluster, topics,
            overrides: new Dictionary<string, string?> { ["KAFKA_CONSUMER_ENABLED"] = "false" });
        var student = TestEvents.NewStudentId();
        var stream = host.MasteryStreams()
            .GetStream<LearningEvent>(StreamId.Create(StreamNamespaces.LearningEvents, student));
        var health = host.Services.GetRequiredService<HealthCheckService>();
        await stream.OnNextAsync(StreamPublishing.Quiz(student, 0));
        Assert.Equal(HealthStatus.Healthy, (await health.CheckHealthAsync()).Entries["kafka"].Status);

        cluster.Cluster.SetBrokerDown(1);
        try
        {
            var failure = await FirstFailureAsync(() => stream.OnNextAsync(StreamPublishing.Quiz(student, 1)));
            Assert.True(failure.RetryAfter > TimeSpan.Zero);
            Assert.Contains("Kafka", failure.Message);
            var next = await Assert.ThrowsAsync<StreamUnavailableException>(() => stream.OnNextAsync(StreamPublishing.Quiz(student, 2)));
            Assert.Contains("Kafka", next.Message);
            Assert.Equal(HealthStatus.Unhealthy, (await health.CheckHealthAsync()).Entries["kafka"].Status);
        }
        finally
        {
            cluster.Cluster.SetBrokerUp(1);
        }

        await Eventually.UntilAsync(async () => await StreamPublishing.SucceedsAsync(() => stream.OnNextAsync(StreamPublishing.Quiz(student, 3))), Patience, "publishing works again");
        await Eventually.UntilAsync(async () => (await health.CheckHealthAsync()).Entries["kafka"].Status == HealthStatus.Healthy, Patience, "ready again");
    }

    private static async Task<StreamUnavailableException> FirstFailureAsync(Func<Task> publish)
    {
        StreamUnavailableException? failure = null;
        await Eventually.UntilAsync(async () =>
        {
            try
            {
                await publish();
                return false;
            }
            catch (StreamUnavailableException e)
            {
                failure = e;
                return true;
            }
        }, Patience, "publishing fails");
        return failure!;
    }
}
