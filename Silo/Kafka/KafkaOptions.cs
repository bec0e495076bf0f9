namespace MasteryEngine.Silo.Kafka;

/// <summary>
/// Kafka settings, bound from the <c>Kafka</c> configuration section and from the seeds' environment variables
/// (<c>KAFKA_BROKER</c>, <c>KAFKA_GROUP_ID</c>, ...; see <see cref="KafkaServiceCollectionExtensions"/>).
/// </summary>
public sealed class KafkaOptions
{
    public const string SectionName = "Kafka";

    /// <summary>Bootstrap brokers, <c>host:port[,host:port...]</c>.</summary>
    public string Broker { get; set; } = "";

    public string GroupId { get; set; } = "mastery-engine-v1";

    /// <summary>Static group membership (e.g. the pod name): a restart within the session timeout causes no rebalance.</summary>
    public string? GroupInstanceId { get; set; }

    /// <summary><c>classic</c> or <c>consumer</c> (KIP-848); see <see cref="KafkaGroupProtocol"/>.</summary>
    public string GroupProtocol { get; set; } = KafkaGroupProtocol.Classic;

    /// <summary>Learning events and calculation requests in, keyed by student id.</summary>
    public string RequestsTopic { get; set; } = "mastery.requests";

    /// <summary>The outcome of each processed request.</summary>
    public string ResultsTopic { get; set; } = "mastery.results";

    /// <summary>Milestones from the grains (<c>mastery.threshold.reached</c>, <c>learning.path.recommended</c>).</summary>
    public string EventsTopic { get; set; } = "mastery.events";

    /// <summary>Messages that could not be processed, with Kafka Connect style error headers.</summary>
    public string DeadLetterTopic { get; set; } = "mastery.dlq";

    /// <summary>False for a process that only produces (the consumer group then has no member here).</summary>
    public bool ConsumerEnabled { get; set; } = true;

    /// <summary>
    /// Messages of one partition in flight (consumed, outcome not yet acknowledged); at the bound consuming waits for
    /// the partition and, when it stalls or starves the others, pauses it. It also bounds how many of a student's
    /// queued events can share one state write (docs/kafka.md, Throughput, for what a larger bound did and did not gain).
    /// </summary>
    public int MaxInFlightPerPartition { get; set; } = 5000;

    /// <summary>
    /// Grain calls the consumer has under way at once, over all its partitions. Beyond what the silo's cores keep
    /// busy, more calls only queue inside Orleans, where every one waits longer, against the grain-call timeout,
    /// and the membership probes wait behind them (docs/kafka.md, Throughput). Events held back stay in their
    /// student's lane and share that student's next write.
    /// </summary>
    public int MaxConcurrentApplies { get; set; } = 256;

    /// <summary>
    /// A student's learning events that queued up while its previous write was under way are applied together,
    /// up to this many, with one state write.
    /// </summary>
    public int MaxEventsPerWrite { get; set; } = 100;

    public int CommitIntervalMs { get; set; } = 500;

    /// <summary>How long the producer tries to get a message acknowledged before the send fails.</summary>
    public int DeliveryTimeoutMs { get; set; } = 5000;

    /// <summary>Larger message values are dead-lettered without being parsed.</summary>
    public int MaxEventBytes { get; set; } = 512 * 1024;

    /// <summary>Attempts for an event whose processing fails for a non-transient reason before it is dead-lettered.</summary>
    public int MaxProcessingAttempts { get; set; } = 3;

    public int RetryInitialBackoffMs { get; set; } = 100;

    public int RetryMaxBackoffMs { get; set; } = 5000;

    /// <summary>On revocation and shutdown, how long in-flight work may take to finish before it is abandoned uncommitted.</summary>
    public int DrainTimeoutMs { get; set; } = 20000;

    public int HealthCheckTimeoutMs { get; set; } = 2000;

    /// <summary>Extra librdkafka properties for every client (e.g. <c>security.protocol</c>, or lower timeouts in tests).</summary>
    public Dictionary<string, string> Client { get; set; } = [];

    public IReadOnlyList<string> Topics => [RequestsTopic, ResultsTopic, EventsTopic, DeadLetterTopic];
}
