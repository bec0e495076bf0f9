using System.Text.Json;
using MasteryEngine.Grains;
using Orleans.Runtime;
using MasteryEngine.Silo.Kafka;
using MasteryEngine.Silo.Resilience;
using MasteryEngine.Testing;
using MasteryEngine.Testing.Kafka;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Polly.CircuitBreaker;

namespace MasteryEngine.Kafka.Tests;

/// <summary>Takes its own cluster's broker down, so it has a fixture of its own.</summary>
public sealed class KafkaCircuitBreakerTests(KafkaMockClusterFixture cluster) : IClassFixture<KafkaMockClusterFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private static readonly Dictionary<string, string?> QuickBreaker = new()
    {
        ["KAFKA_CONSUMER_ENABLED"] = "false",
        ["Resilience:Kafka:MinimumThroughput"] = "2",
        ["Resilience:Kafka:BreakDuration"] = "00:00:01",
    };

    [Fact]
    public async Task With_the_broker_down_the_kafka_circuit_opens_refuses_sends_and_closes_once_the_broker_is_back()
    {
        var topics = cluster.CreateTopics();
        using var host = await KafkaSiloHost.StartAsync(cluster, topics, overrides: QuickBreaker);
        var student = TestEvents.NewStudentId();
        var stream = host.MasteryStreams()
            .GetStream<LearningEvent>(StreamId.Create(StreamNamespaces.LearningEvents, student));
        var states = host.Services.GetRequiredService<CircuitBreakerStates>();
        var health = host.Services.GetRequiredService<HealthCheckService>();
        await stream.OnNextAsync(StreamPublishing.Quiz(student, 0));
        Assert.Equal(CircuitState.Closed, states.Current()[KafkaProducerConnection.CircuitBreakerName]);

        cluster.Cluster.SetBrokerDown(1);
        try
        {
            await Eventually.UntilAsync(async () =>
            {
                await Assert.ThrowsAsync<StreamUnavailableException>(() => stream.OnNextAsync(StreamPublishing.Quiz(student, 1)));
                return states.Current()[KafkaProducerConnection.CircuitBreakerName] == CircuitState.Open;
            }, Patience, "the kafka circuit opens");

            var refused = await Assert.ThrowsAsync<StreamUnavailableException>(() => stream.OnNextAsync(StreamPublishing.Quiz(student, 2)));
            var report = await health.CheckHealthAsync();
            Assert.IsType<BrokenCircuitException>(refused.InnerException);
            Assert.True(refused.RetryAfter >= TimeSpan.FromSeconds(1));
            Assert.Equal(HealthStatus.Degraded, report.Entries[CircuitBreakerHealthCheck.Name].Status);
            Assert.Equal("open", report.Entries[CircuitBreakerHealthCheck.Name].Data[KafkaProducerConnection.CircuitBreakerName]);
        }
        finally
        {
            cluster.Cluster.SetBrokerUp(1);
        }

        await Eventually.UntilAsync(async () => await StreamPublishing.SucceedsAsync(() => stream.OnNextAsync(StreamPublishing.Quiz(student, 3))), Patience, "a probe gets through");
        var recovered = await health.CheckHealthAsync();
        Assert.Equal(CircuitState.Closed, states.Current()[KafkaProducerConnection.CircuitBreakerName]);
        Assert.Equal(HealthStatus.Healthy, recovered.Entries[CircuitBreakerHealthCheck.Name].Status);
    }

    [Fact]
    public async Task A_fatal_producer_error_replaces_the_producer_and_sends_are_delivered_again()
    {
        var topics = cluster.CreateTopics();
        using var host = await KafkaSiloHost.StartAsync(cluster, topics, overrides: QuickBreaker);
        var student = TestEvents.NewStudentId();
        var stream = host.MasteryStreams()
            .GetStream<LearningEvent>(StreamId.Create(StreamNamespaces.LearningEvents, student));
        var connection = host.Services.GetRequiredService<KafkaProducerConnection>();
        await stream.OnNextAsync(StreamPublishing.Quiz(student, 0));
        var failed = connection.CurrentProducer;

        LibrdkafkaFaults.RaiseFatalError(failed);

        await Eventually.UntilAsync(() => !ReferenceEquals(connection.CurrentProducer, failed), Patience, "the fatally failed producer is replaced");
        await stream.OnNextAsync(StreamPublishing.Quiz(student, 1));
        var delivered = await KafkaTopicReader.ReadAsync(cluster.BootstrapServers, topics.Requests, 2, Patience);
        Assert.Equal(2, delivered.Count);
        Assert.Null(connection.FatalError);
    }

    [Fact]
    public async Task A_send_timeout_not_longer_than_the_delivery_timeout_is_rejected_at_start_up()
    {
        var topics = cluster.CreateTopics();
        var settings = new Dictionary<string, string?>(QuickBreaker) { ["Resilience:Kafka:Timeout"] = "00:00:02" };

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => KafkaTestHost.StartAsync(cluster, topics, new RecordingGrainFactory(), settings));

        Assert.Contains("Resilience:Kafka:Timeout", failure.Message);
        Assert.Contains("KAFKA_DELIVERY_TIMEOUT_MS", failure.Message);
    }
}
