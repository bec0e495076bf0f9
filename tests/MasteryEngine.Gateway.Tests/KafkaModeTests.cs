using System.Net;
using MasteryEngine.Gateway.Tests.Infrastructure;
using MasteryEngine.Testing;
using MasteryEngine.Testing.Kafka;

namespace MasteryEngine.Gateway.Tests;

/// <summary>
/// STREAM_PROVIDER=kafka against librdkafka's mock cluster: ingest goes through the broker to the grain, and a
/// broker outage is a 503 with Retry-After and a failing /ready until the broker is back. It takes its cluster's
/// broker down, so it has a cluster of its own.
/// </summary>
public sealed class KafkaModeTests(KafkaMockClusterFixture cluster) : IClassFixture<KafkaMockClusterFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Ingest_goes_through_kafka_to_the_grain_and_a_broker_outage_answers_503_then_recovers()
    {
        var topics = cluster.CreateTopics();
        var settings = cluster.Configuration(topics);
        settings["STREAM_PROVIDER"] = "kafka";
        await using var factory = new GatewayFactory("Development", settings);
        var student = TestTokens.NewId("student");
        var client = factory.ClientFor(TestTokens.Student(student));

        var accepted = await client.PostJsonAsync("/api/v1/mastery/ingest", QuizEvent(student));
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        await Eventually.UntilAsync(
            async () => (await client.QueryWhenKnownAsync(student))?.Path("current_mastery.components.quiz").GetDouble() ?? 0,
            quiz => quiz > 0.79,
            "the event consumed from Kafka is applied to the grain",
            Patience);

        cluster.Cluster.SetBrokerDown(1);
        try
        {
            var refused = await Eventually.UntilAsync(
                () => client.PostJsonAsync("/api/v1/mastery/ingest", QuizEvent(student)),
                response => response.StatusCode == HttpStatusCode.ServiceUnavailable,
                "ingest refused while Kafka is down",
                Patience);
            Assert.NotNull(refused.Headers.RetryAfter);
            var (readyStatus, ready) = await Eventually.UntilAsync(
                () => factory.CreateClient().GetJsonAsync("/ready"),
                answer => answer.Status == HttpStatusCode.ServiceUnavailable,
                "/ready reports Kafka down",
                Patience);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, readyStatus);
            Assert.NotEqual("healthy", ready.Path("dependencies.kafka.status").GetString());
        }
        finally
        {
            cluster.Cluster.SetBrokerUp(1);
        }

        await IngestIsAcceptedAgainAsync(client, student);
    }

    [Fact]
    public async Task A_broker_outage_opens_the_kafka_circuit_seen_in_metrics_and_ready_and_it_closes_after_recovery()
    {
        var topics = cluster.CreateTopics();
        var settings = cluster.Configuration(topics);
        settings["STREAM_PROVIDER"] = "kafka";
        settings["KAFKA_CONSUMER_ENABLED"] = "false";
        settings["Resilience:Kafka:MinimumThroughput"] = "2";
        settings["Resilience:Kafka:BreakDuration"] = "00:00:01";
        await using var factory = new GatewayFactory("Development", settings);
        var student = TestTokens.NewId("student");
        var client = factory.ClientFor(TestTokens.Student(student));
        var anonymous = factory.CreateClient();
        Assert.Equal(HttpStatusCode.Accepted, (await client.PostJsonAsync("/api/v1/mastery/ingest", QuizEvent(student))).StatusCode);
        Assert.Equal("closed", (await anonymous.GetJsonAsync("/metrics/detailed")).Body.Path("circuit_breakers.kafka").GetString());

        cluster.Cluster.SetBrokerDown(1);
        try
        {
            await Eventually.UntilAsync(
                async () =>
                {
                    await client.PostJsonAsync("/api/v1/mastery/ingest", QuizEvent(student));
                    return (await anonymous.GetJsonAsync("/metrics/detailed")).Body.Path("circuit_breakers.kafka").GetString();
                },
                state => state == "open",
                "the kafka circuit opens",
                Patience);
            var refused = await client.PostJsonAsync("/api/v1/mastery/ingest", QuizEvent(student));
            var (_, ready) = await anonymous.GetJsonAsync("/ready");
            var exposition = await anonymous.GetStringAsync(new Uri("/metrics", UriKind.Relative));

            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            Assert.NotNull(refused.Headers.RetryAfter);
            Assert.Equal("degraded", ready.Path("dependencies.circuit-breakers.status").GetString());
            Assert.Contains("kafka", ready.Path("dependencies.circuit-breakers.description").GetString());
            Assert.Contains("circuit_breaker_state{name=\"kafka\"} 1", exposition);
        }
        finally
        {
            cluster.Cluster.SetBrokerUp(1);
        }

        await IngestIsAcceptedAgainAsync(client, student);
        Assert.Equal("closed", (await anonymous.GetJsonAsync("/metrics/detailed")).Body.Path("circuit_breakers.kafka").GetString());
        Assert.Contains("circuit_breaker_state{name=\"kafka\"} 0", await anonymous.GetStringAsync(new Uri("/metrics", UriKind.Relative)));
    }

    private static Task IngestIsAcceptedAgainAsync(HttpClient client, string student) =>
        Eventually.UntilAsync(
            async () => (await client.PostJsonAsync("/api/v1/mastery/ingest", QuizEvent(student))).StatusCode,
            status => status == HttpStatusCode.Accepted,
            "ingest accepted again once Kafka is back",
            Patience);

    private static string QuizEvent(string studentId) =>
        $$$"""{"event_type": "quiz", "student_id": "{{{studentId}}}", "data": {"score": 8, "max_score": 10}}""";
}
