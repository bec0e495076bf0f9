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
            async () => (await client.QueryAsync(student)).Path("current_mastery.components.quiz").GetDouble(),
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

        await Eventually.UntilAsync(
            async () => (await client.PostJsonAsync("/api/v1/mastery/ingest", QuizEvent(student))).StatusCode,
            status => status == HttpStatusCode.Accepted,
            "ingest accepted again once Kafka is back",
            Patience);
    }

    private static string QuizEvent(string studentId) =>
        $$$"""{"event_type": "quiz", "student_id": "{{{studentId}}}", "data": {"score": 8, "max_score": 10}}""";
}
