using Confluent.Kafka;
using MasteryEngine.Silo.Kafka;
using MasteryEngine.Testing;
using MasteryEngine.Testing.Kafka;

namespace MasteryEngine.Kafka.Tests;

public sealed class KafkaMockBrokerCommandTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly string directory = Directory.CreateTempSubdirectory("kafka-mock-").FullName;

    [Fact]
    public async Task The_dev_broker_leaves_its_address_in_the_address_file_while_it_runs_with_its_topics_created()
    {
        var addressFile = Path.Combine(directory, "kafka-broker");
        using var stop = new CancellationTokenSource();
        var broker = Task.Run(() => KafkaMockBrokerCommand.RunAsync(
            ["--partitions", "3", "--topics", "dev.requests,mastery.dlq", "--address-file", addressFile], stop.Token));

        await Eventually.UntilAsync(() => File.Exists(addressFile) || broker.IsCompleted, Patience, "the address file written");
        var address = (await File.ReadAllTextAsync(addressFile)).Trim();
        using (var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = address }).Build())
        {
            var topics = admin.GetMetadata(TimeSpan.FromSeconds(10)).Topics.ToDictionary(topic => topic.Topic, topic => topic.Partitions.Count);
            Assert.Equal(3, topics["dev.requests"]);
            Assert.Equal(1, topics["mastery.dlq"]);
        }

        await Kcat.ProduceAsync(address, "dev.requests", [("student_12345", "{\"event_type\":\"completion\"}")]);
        var landed = await KafkaTopicReader.ReadAsync(address, "dev.requests", 1, Patience);
        Assert.Equal("student_12345", TestEvents.Utf8String(Assert.Single(landed).Message.Key));

        await stop.CancelAsync();
        Assert.Equal(0, await broker);
        Assert.False(File.Exists(addressFile), "the address file outlived the broker");
    }

    [Fact]
    public void The_well_known_address_file_is_in_the_runtime_directory_or_else_in_tmp()
    {
        Assert.Equal("/run/user/1000/mastery-engine/kafka-broker", KafkaBrokerAddressFile.WellKnown("/run/user/1000").Path);
        Assert.Equal("/tmp/mastery-engine/kafka-broker", KafkaBrokerAddressFile.WellKnown(null).Path);
        Assert.Equal("/tmp/mastery-engine/kafka-broker", KafkaBrokerAddressFile.WellKnown("").Path);
    }

    [Fact]
    public async Task A_broker_does_not_withdraw_an_address_another_broker_has_published_since()
    {
        var file = new KafkaBrokerAddressFile(Path.Combine(directory, "nested", "kafka-broker"));
        await file.PublishAsync("127.0.0.1:40001", CancellationToken.None);
        await file.PublishAsync("127.0.0.1:40002", CancellationToken.None);

        file.Withdraw("127.0.0.1:40001");

        Assert.Equal("127.0.0.1:40002\n", await File.ReadAllTextAsync(file.Path));
        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(file.Path)!));
        file.Withdraw("127.0.0.1:40002");
        Assert.False(File.Exists(file.Path));
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);
}
