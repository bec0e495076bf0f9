using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Confluent.Kafka;
using MasteryEngine.Grains;
using MasteryEngine.Silo.Hosting;
using MasteryEngine.Silo.Kafka;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace MasteryEngine.Bench;

/// <summary>
/// The Kafka pipeline on librdkafka's mock broker: a backlog of learning events is produced, then read by a bare
/// consumer (the raw consume rate of this broker, in this run, read once the silos are idle) and by a silo (consumer group → mastery grains →
/// state persisted in Redis → results produced → offsets committed). The raw rate is counted from the first message
/// the bare consumer sees, the silo's from the end of the warm-up (below), so the group's join delay is left out of
/// both. Then a paced load gives event-to-effect latency.
/// With <c>--silos 2</c> (Redis storage) the silos form one Orleans cluster and one consumer group in this process,
/// and the cost of a call to a grain on the other silo is measured beside a call to one on the caller's own.
/// The backlog starts with warm-up events for students of their own, and the rate counts only the events after
/// them: a freshly started process spends its first seconds compiling (tiered JIT with PGO: about a third of the
/// rate, measured), which a silo that has run for minutes no longer does. The measured students are still new, so
/// their activations are in the rate.
/// usage: kafka-pipeline [--events 100000] [--students 10000] [--partitions 12] [--storage redis|memory]
///                       [--in-flight 1000] [--latency-rate 2000] [--latency-seconds 5] [--silos 1] [--warm-up 30000]
///                       [--concurrent-applies 256]
/// </summary>
public static class KafkaPipelineBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var events = BenchArguments.Count(args, "--events", 100_000);
        var students = BenchArguments.Count(args, "--students", 10_000);
        var partitions = BenchArguments.Count(args, "--partitions", 12);
        var latencyRate = BenchArguments.Count(args, "--latency-rate", 2000);
        var latencySeconds = BenchArguments.Count(args, "--latency-seconds", 5);
        var storage = BenchArguments.Text(args, "--storage", "redis");
        var inFlight = BenchArguments.Count(args, "--in-flight", new KafkaOptions().MaxInFlightPerPartition);
        var siloCount = BenchArguments.Count(args, "--silos", 1);
        var warmUp = BenchArguments.Count(args, "--warm-up", 30_000);
        var concurrentApplies = BenchArguments.Count(args, "--concurrent-applies", new KafkaOptions().MaxConcurrentApplies);
        if (siloCount > 1 && storage != "redis")
        {
            Console.Error.WriteLine("--silos above 1 needs --storage redis: the silos find each other and share state there.");
            return 2;
        }

        using var cluster = KafkaMockCluster.Start(1);
        var topics = new KafkaOptions();
        foreach (var topic in topics.Topics)
        {
            cluster.CreateTopic(topic, partitions);
        }

        Console.WriteLine($"kafka-pipeline: {Environment.ProcessorCount} cores, {events:N0} events over {students:N0} students after {warmUp:N0} warm-up events, {partitions} partitions, storage {storage}, {inFlight:N0} in flight per partition, {concurrentApplies:N0} grain calls at once per silo, {siloCount} silo(s)");
        using var producer = BuildProducer(cluster.BootstrapServers);
        await using var redis = storage == "redis" ? await LocalRedisServer.StartAsync() : null;
        using var processed = new ProcessedEvents();
        var silos = new List<IHost>();
        for (var i = 0; i < siloCount; i++)
        {
            silos.Add(await StartSiloAsync(cluster.BootstrapServers, redis, inFlight, concurrentApplies));
        }

        // Produced once the silos run, so that the group's first rebalances (every silo joining) fall on an empty
        // topic or on the warm-up, as in a cluster that is already up when a backlog arrives.
        var silo = silos[0];
        await ProduceAsync(producer, topics.RequestsTopic, warmUp, students, paced: null, studentPrefix: "warmup_");
        var produce = Stopwatch.StartNew();
        await ProduceAsync(producer, topics.RequestsTopic, events, students, paced: null);
        Console.WriteLine($"  produced (acks=all, idempotent, while the silos consume): {events / produce.Elapsed.TotalSeconds:N0} events/s");
        if (DroppedByTheBroker(cluster.BootstrapServers, topics.RequestsTopic, partitions) is > 0 and var dropped)
        {
            Console.Error.WriteLine($"The mock broker keeps at most 5 MiB per partition and already dropped {dropped:N0} events: use fewer --events or more --partitions.");
            return 2;
        }

        var endOffsets = EndOffsets(cluster.BootstrapServers, topics.RequestsTopic, partitions);
        await processed.WaitForAsync(warmUp);
        var measured = Stopwatch.StartNew();
        await processed.WaitForAsync(warmUp + events);
        while (!AllCommitted(cluster.BootstrapServers, topics.GroupId, endOffsets))
        {
            await Task.Delay(20);
        }

        // The events processed after the first warmUp, over the time they took: exactly `events` of them.
        var pipeline = events / measured.Elapsed.TotalSeconds;
        var raw = RawConsumeRate(cluster.BootstrapServers, topics.RequestsTopic, warmUp + events);
        Console.WriteLine($"  raw consume (no processing, no commits; the silos idle): {raw:N0} events/s");
        Console.WriteLine($"  end to end (consumed → grain state persisted → result acked → offsets committed): {pipeline:N0} events/s");
        Console.WriteLine($"  ratio end-to-end / raw consume: {pipeline / raw:P0}");

        var direct = await DirectGrainRateAsync(silo.Services.GetRequiredService<IGrainFactory>(), events, students);
        Console.WriteLine($"  same events by direct grain calls (no Kafka; 256 callers): {direct:N0} events/s; end-to-end / direct: {pipeline / direct:P0}");

        processed.Latencies = new LatencyRecorder();
        var paced = Stopwatch.StartNew();
        await ProduceAsync(producer, topics.RequestsTopic, latencyRate * latencySeconds, students, paced: latencyRate);
        await processed.WaitForAsync(warmUp + events + (latencyRate * latencySeconds));
        Console.WriteLine(processed.Latencies.Summarize($"  event → effect latency at {latencyRate:N0} events/s", paced.Elapsed));
        if (silos.Count > 1)
        {
            await CrossSiloHop.MeasureAsync(silos, TimeSpan.FromSeconds(3), callers: 64);
        }

        foreach (var running in silos)
        {
            await running.StopAsync();
            running.Dispose();
        }

        return 0;
    }

    /// <summary>What the grains and storage alone sustain on the same events, for context.</summary>
    private static async Task<double> DirectGrainRateAsync(IGrainFactory grains, int count, int students)
    {
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, 256).Select(_ => Task.Run(async () =>
        {
            for (var i = Interlocked.Increment(ref next); i < count; i = Interlocked.Increment(ref next))
            {
                var student = "direct_" + (i * 7919L % students).ToString(CultureInfo.InvariantCulture);
                using var data = JsonDocument.Parse("{\"score\":" + (i % 10 / 10.0).ToString(CultureInfo.InvariantCulture) + "}");
                await grains.GetGrain<IStudentMasteryGrain>(student).ApplyEventAsync(new LearningEvent(
                    LearningEventTypes.Quality, student, Guid.NewGuid().ToString("N"), DateTimeOffset.UtcNow, null, null, data.RootElement.Clone()));
            }
        })));
        return count / clock.Elapsed.TotalSeconds;
    }

    private static async Task<IHost> StartSiloAsync(string bootstrapServers, LocalRedisServer? redis, int inFlight, int concurrentApplies)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["KAFKA_BROKER"] = bootstrapServers,
            ["REDIS_HOST"] = redis is null ? null : $"127.0.0.1:{redis.Port}",
            ["Kafka:Client:fetch.wait.max.ms"] = "10",
            ["KAFKA_MAX_IN_FLIGHT_PER_PARTITION"] = inFlight.ToString(CultureInfo.InvariantCulture),
            ["KAFKA_MAX_CONCURRENT_APPLIES"] = concurrentApplies.ToString(CultureInfo.InvariantCulture),
            // Several silos in this process: each listens on ports of its own.
            [MasterySiloSettings.SiloPortVariable] = LoopbackPort.Free().ToString(CultureInfo.InvariantCulture),
            [MasterySiloSettings.GatewayPortVariable] = LoopbackPort.Free().ToString(CultureInfo.InvariantCulture),
        });
        builder.UseOrleans(silo => silo.AddMasteryEngineSilo(builder.Configuration, useRedis: redis is not null, useKafka: true));
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }


    private static async Task ProduceAsync(
        IProducer<byte[]?, byte[]?> producer, string topic, int count, int students, int? paced, string studentPrefix = "student_")
    {
        var clock = Stopwatch.StartNew();
        var pending = new List<Task>(capacity: 10_000);
        for (var i = 0; i < count; i++)
        {
            if (paced is { } rate && i % 100 == 0)
            {
                var due = TimeSpan.FromSeconds((double)i / rate);
                if (due > clock.Elapsed)
                {
                    await Task.Delay(due - clock.Elapsed);
                }
            }

            var student = studentPrefix + (i * 7919L % students).ToString(CultureInfo.InvariantCulture);
            var json = "{\"event_type\":\"quality\",\"student_id\":\"" + student + "\",\"event_id\":\"" + Guid.NewGuid().ToString("N") +
                "\",\"timestamp\":\"" + DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture) +
                "\",\"data\":{\"score\":" + (i % 10 / 10.0).ToString(CultureInfo.InvariantCulture) + "}}";
            pending.Add(producer.ProduceAsync(topic, new Message<byte[]?, byte[]?> { Key = Encoding.UTF8.GetBytes(student), Value = Encoding.UTF8.GetBytes(json) }));
            if (pending.Count == pending.Capacity)
            {
                await Task.WhenAll(pending);
                pending.Clear();
            }
        }

        await Task.WhenAll(pending);
    }

    private static double RawConsumeRate(string bootstrapServers, string topic, int count)
    {
        using var consumer = new ConsumerBuilder<byte[]?, byte[]?>(new ConsumerConfig
        {
            BootstrapServers = bootstrapServers,
            GroupId = "raw-" + Guid.NewGuid().ToString("N"),
            EnableAutoCommit = false,
            AutoOffsetReset = AutoOffsetReset.Earliest,
            FetchWaitMaxMs = 10,
        }).Build();
        consumer.Subscribe(topic);
        long first = 0;
        for (var received = 0; received < count;)
        {
            if (consumer.Consume(TimeSpan.FromSeconds(1)) is not null)
            {
                first = received == 0 ? Stopwatch.GetTimestamp() : first;
                received++;
            }
        }

        var rate = count / Stopwatch.GetElapsedTime(first).TotalSeconds;
        consumer.Close();
        return rate;
    }

    /// <summary>Events no longer on the broker (its low watermarks moved): consuming would wait for them forever.</summary>
    private static long DroppedByTheBroker(string bootstrapServers, string topic, int partitions) =>
        Watermarks(bootstrapServers, topic, partitions).Sum(partition => partition.Watermarks.Low.Value);

    private static List<TopicPartitionOffset> EndOffsets(string bootstrapServers, string topic, int partitions) =>
        [.. Watermarks(bootstrapServers, topic, partitions).Select(partition => new TopicPartitionOffset(partition.Partition, partition.Watermarks.High))];

    private static List<(TopicPartition Partition, WatermarkOffsets Watermarks)> Watermarks(string bootstrapServers, string topic, int partitions)
    {
        using var consumer = new ConsumerBuilder<byte[]?, byte[]?>(new ConsumerConfig { BootstrapServers = bootstrapServers, GroupId = "watermarks" }).Build();
        return [.. Enumerable.Range(0, partitions).Select(p => new TopicPartition(topic, p))
            .Select(partition => (partition, consumer.QueryWatermarkOffsets(partition, TimeSpan.FromSeconds(10))))];
    }

    private static bool AllCommitted(string bootstrapServers, string groupId, List<TopicPartitionOffset> ends)
    {
        using var consumer = new ConsumerBuilder<byte[]?, byte[]?>(new ConsumerConfig { BootstrapServers = bootstrapServers, GroupId = groupId }).Build();
        var committed = consumer.Committed(ends.Select(end => end.TopicPartition), TimeSpan.FromSeconds(10));
        return ends.All(end => end.Offset == 0 || committed.Single(c => c.TopicPartition == end.TopicPartition).Offset == end.Offset);
    }

    private static IProducer<byte[]?, byte[]?> BuildProducer(string bootstrapServers)
    {
        return new ProducerBuilder<byte[]?, byte[]?>(new ProducerConfig
        {
            BootstrapServers = bootstrapServers,
            Acks = Acks.All,
            EnableIdempotence = true,
            LingerMs = 5,
        }).Build();
    }

    /// <summary>Counts processed events and their latencies from the consumer's own instruments.</summary>
    private sealed class ProcessedEvents : IDisposable
    {
        private readonly MeterListener listener = new();
        private long count;

        public ProcessedEvents()
        {
            listener.InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == KafkaConsumerMetrics.MeterName
                    && instrument.Name is "mastery_events_processed_total" or "mastery_event_processing_latency_seconds")
                {
                    l.EnableMeasurementEvents(instrument);
                }
            };
            listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref count, value));
            listener.SetMeasurementEventCallback<double>((_, seconds, _, _) => Latencies.Record(TimeSpan.FromSeconds(seconds)));
            listener.Start();
        }

        public LatencyRecorder Latencies { get; set; } = new();

        public async Task WaitForAsync(long total)
        {
            while (Interlocked.Read(ref count) < total)
            {
                await Task.Delay(20);
            }
        }

        public void Dispose() => listener.Dispose();
    }
}
