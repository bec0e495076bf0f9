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

    [Theory]
    [InlineData(null, 256)]
    [InlineData("32", 32)]
    public void Grain_calls_under_way_at_once_are_bounded_by_KAFKA_MAX_CONCURRENT_APPLIES(string? value, int expected)
    {
        var options = Bind(new() { ["KAFKA_BROKER"] = "kafka:9092", ["KAFKA_MAX_CONCURRENT_APPLIES"] = value });

        Assert.Equal(expected, options.MaxConcurrentApplies);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    public void A_bound_on_concurrent_grain_calls_below_one_is_rejected_at_start_up(string value)
    {
        var failure = Assert.Throws<OptionsValidationException>(() => Bind(new() { ["KAFKA_BROKER"] = "kafka:9092", ["KAFKA_MAX_CONCURRENT_APPLIES"] = value }));

        Assert.Contains("KAFKA_MAX_CONCURRENT_APPLIES", failure.Message);
    }

    [Theory]
    [InlineData(null, "classic")]
    [InlineData("classic", "classic")]
    [InlineData("consumer", "consumer")]
    public void The_consumer_group_protocol_is_classic_unless_KIP_848_is_asked_for(string? protocol, string expected)
    {
        var options = Bind(new() { ["KAFKA_BROKER"] = "kafka:9092", ["KAFKA_GROUP_PROTOCOL"] = protocol });

        Assert.Equal(expected, options.GroupProtocol);
    }

    [Theory]
    [InlineData("Consumer")]
    [InlineData("kip848")]
    public void An_unknown_consumer_group_protocol_is_rejected_at_start_up(string protocol)
    {
        var failure = Assert.Throws<OptionsValidationException>(() => Bind(new() { ["KAFKA_BROKER"] = "kafka:9092", ["KAFKA_GROUP_PROTOCOL"] = protocol }));

        Assert.Contains($"KAFKA_GROUP_PROTOCOL must be classic or consumer (was '{protocol}')", failure.Message);
    }

    [Theory]
    [InlineData("session.timeout.ms", "group.consumer.session.timeout.ms")]
    [InlineData("heartbeat.interval.ms", "group.consumer.heartbeat.interval.ms")]
    [InlineData("partition.assignment.strategy", "group.remote.assignor")]
    public void A_classic_only_client_setting_is_rejected_with_the_KIP_848_protocol(string property, string replacement)
    {
        var settings = new Dictionary<string, string?> { ["KAFKA_BROKER"] = "kafka:9092", [$"Kafka:Client:{property}"] = "1000" };
        Assert.Equal("classic", Bind(settings).GroupProtocol);

        settings["KAFKA_GROUP_PROTOCOL"] = "consumer";
        var failure = Assert.Throws<OptionsValidationException>(() => Bind(settings));

        Assert.Contains($"Kafka:Client:{property} is not allowed with KAFKA_GROUP_PROTOCOL=consumer (KIP-848)", failure.Message);
        Assert.Contains(replacement, failure.Message);
    }

    [Fact]
    public void The_group_protocol_is_not_set_through_the_client_properties()
    {
        var failure = Assert.Throws<OptionsValidationException>(() => Bind(new()
        {
            ["KAFKA_BROKER"] = "kafka:9092",
            ["Kafka:Client:group.protocol"] = "consumer",
        }));

        Assert.Contains("KAFKA_GROUP_PROTOCOL, not Kafka:Client:group.protocol", failure.Message);
    }

    private static KafkaOptions Bind(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        using var provider = new ServiceCollection().AddLogging().AddKafkaServices(configuration).BuildServiceProvider();
        return provider.GetRequiredService<IOptions<KafkaOptions>>().Value;
    }
}
