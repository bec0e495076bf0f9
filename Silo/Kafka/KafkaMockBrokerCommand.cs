using System.Globalization;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Configuration;

namespace MasteryEngine.Silo.Kafka;

/// <summary>
/// <c>kafka-mock [--brokers 1] [--partitions 6] [--topics a,b,...] [--address-file PATH]</c>: starts librdkafka's
/// mock cluster for local development, creates the topics (the mock cannot create them on request), writes the
/// bootstrap address to the <see cref="KafkaBrokerAddressFile"/> and prints it on stdout (one line, so scripts can
/// read it), and keeps running until Ctrl-C, SIGTERM or <paramref name="stop"/>. Data lives in memory only.
/// </summary>
public static class KafkaMockBrokerCommand
{
    private const string Usage = "usage: kafka-mock [--brokers N] [--partitions N] [--topics t1,t2,...] [--address-file PATH]";

    public static async Task<int> RunAsync(string[] args, CancellationToken stop = default)
    {
        var settings = new ConfigurationBuilder().AddCommandLine(args).Build();
        var defaults = new KafkaOptions();
        int brokers, partitions;
        try
        {
            brokers = int.Parse(settings["brokers"] ?? "1", CultureInfo.InvariantCulture);
            partitions = int.Parse(settings["partitions"] ?? "6", CultureInfo.InvariantCulture);
        }
        catch (FormatException)
        {
            await Console.Error.WriteLineAsync(Usage);
            return 2;
        }

        if (brokers < 1 || partitions < 1)
        {
            await Console.Error.WriteLineAsync(Usage + " (N at least 1)");
            return 2;
        }

        var topics = settings["topics"]?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            ?? [.. defaults.Topics];
        var addressFile = settings["address-file"] is { Length: > 0 } path
            ? new KafkaBrokerAddressFile(path)
            : KafkaBrokerAddressFile.WellKnown(Environment.GetEnvironmentVariable("XDG_RUNTIME_DIR"));

        using var cluster = KafkaMockCluster.Start(brokers);
        foreach (var topic in topics)
        {
            cluster.CreateTopic(topic, topic == defaults.DeadLetterTopic ? 1 : partitions, replicationFactor: Math.Min(3, brokers));
        }

        await addressFile.PublishAsync(cluster.BootstrapServers, stop);
        try
        {
            Console.WriteLine(cluster.BootstrapServers);
            await Console.Error.WriteLineAsync(
                $"Kafka mock cluster: {brokers} broker(s) at {cluster.BootstrapServers} (also in {addressFile.Path}); " +
                $"topics {string.Join(", ", topics)}. In memory only; Ctrl-C stops it.");

            var stopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
            using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
            using var cancelled = stop.Register(() => stopped.TrySetResult());
            await stopped.Task;
            return 0;

            void Stop(PosixSignalContext context)
            {
                context.Cancel = true;
                stopped.TrySetResult();
            }
        }
        finally
        {
            addressFile.Withdraw(cluster.BootstrapServers);
        }
    }
}
