using MasteryEngine.Silo.Kafka;

namespace MasteryEngine.Gateway.Tests.Metrics;

public sealed class ZeroSeededCounterTests
{
    [Fact]
    public void Kafka_retry_and_dead_letter_counters_show_zero_for_every_reason_before_any_message()
    {
        using var fixture = new CollectorFixture();

        _ = new KafkaConsumerMetrics(fixture.MeterFactory);
        var samples = fixture.Samples();

        Assert.Equal(0, samples.Single(s => s.Name == "mastery_events_retried_total").Value);
        var deadLetters = samples.Where(s => s.Name == "mastery_events_dead_lettered_total").ToList();
        Assert.Equal(
            [DeadLetterReasons.InvalidJson, DeadLetterReasons.MessageTooLarge, DeadLetterReasons.ProcessingFailed, DeadLetterReasons.UnknownEventType, DeadLetterReasons.ValidationFailed],
            deadLetters.Select(s => s.Labels["reason"]).Order(StringComparer.Ordinal));
        Assert.All(deadLetters, s => Assert.Equal(0, s.Value));
    }
}
