using MasteryEngine.Silo.Kafka;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MasteryEngine.Kafka.Tests;

public sealed class KafkaOptionsTests
{
    [Fact]
    public void The_seed_environment_variables_configure_kafka()
    {
        var options = Bind(new()
        {
            ["KAFKA_BROKER"] = "kafka-0:9092,kafka-1:9092",
            ["KAFKA_GROUP_INSTANCE_ID"] = "mastery-engine-0",
            ["KAFKA_DLQ_TOPIC"] = "mastery.dead",
        });

        Assert.Equal("kafka-0:9092,kafka-1:9092", options.Broker);
        Assert.Equal("mastery-engine-v1", options.GroupId);
        Assert.Equal("mastery-engine-0", options.GroupInstanceId);
        Assert.Equal(["mastery.requests", "mastery.results", "mastery.events", "mastery.dead"], options.Topics);
    }

    [Theory]
    [InlineData(null, "KAFKA_BROKER is required")]
    [InlineData("kafka", "is not host:port")]
    [InlineData("kafka:notaport", "is not host:port")]
    public void A_missing_or_malformed_broker_is_rejected_at_start_up(string? broker, string message)
    {
        var failure = Assert.Throws<OptionsValidationException>(() => Bind(new() { ["KAFKA_BROKER"] = broker }));

        Assert.Contains(message, failure.Message);
    }

    [Fact]
    public void Topics_must_be_distinct_and_valid()
    {
        var failure = Assert.Throws<OptionsValidationException>(() => Bind(new()
        {
            ["KAFKA_BROKER"] = "kafka:9092",
            ["KAFKA_RESULTS_TOPIC"] = "mastery.requests",
            ["KAFKA_EVENTS_TOPIC"] = "bad topic!",
        }));

        Assert.Contains("four different topics", failure.Message);
        Assert.Contains("'bad topic!' is invalid", failure.Message);
    }

    private static KafkaOptions Bind(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        using var provider = new ServiceCollection().AddLogging().AddKafkaServices(configuration).BuildServiceProvider();
        return provider.GetRequiredService<IOptions<KafkaOptions>>().Value;
    }
}
