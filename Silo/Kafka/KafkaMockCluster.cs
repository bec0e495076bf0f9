using System.Runtime.InteropServices;
using System.Text;

namespace MasteryEngine.Silo.Kafka;

/// <summary>
/// librdkafka's in-memory mock Kafka cluster: real Kafka protocol on loopback TCP ports, data kept in this process
/// only. It stands in for a broker in development and tests, because no Kafka broker can be installed here.
/// It hosts itself on a bare librdkafka producer handle (empty configuration), which must outlive it.
/// The mock does not implement CreateTopics, so topics are created up front with <see cref="CreateTopic"/>.
/// </summary>
public sealed class KafkaMockCluster : IDisposable
{
    private const int ProducerHandleType = 0;
    private const int ErrorTextCapacity = 512;

    private readonly Lock gate = new();
    private IntPtr hostHandle;
    private IntPtr cluster;

    private KafkaMockCluster(IntPtr hostHandle, IntPtr cluster, int brokerCount)
    {
        this.hostHandle = hostHandle;
        this.cluster = cluster;
        BrokerCount = brokerCount;
        BootstrapServers = Marshal.PtrToStringUTF8(Native.rd_kafka_mock_cluster_bootstraps(cluster))
            ?? throw new InvalidOperationException("The Kafka mock cluster reported no bootstrap address.");
    }

    /// <summary>Comma-separated <c>127.0.0.1:port</c> addresses of the mock brokers.</summary>
    public string BootstrapServers { get; }

    public int BrokerCount { get; }

    public static KafkaMockCluster Start(int brokerCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(brokerCount, 1);

        var host = CreateHostHandle();
        var cluster = Native.rd_kafka_mock_cluster_new(host, brokerCount);
        if (cluster == IntPtr.Zero)
        {
            Native.rd_kafka_destroy(host);
            throw new InvalidOperationException("librdkafka could not start the mock Kafka cluster.");
        }

        // A real broker waits group.initial.rebalance.delay.ms (3 s) for more members before the first assignment of
        // a new group; a development or test broker has no members to wait for, so the first assignment is at once.
        Native.rd_kafka_mock_group_initial_rebalance_delay_ms(cluster, 0);
        return new KafkaMockCluster(host, cluster, brokerCount);
    }

    public void CreateTopic(string name, int partitions, int replicationFactor = 1)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentOutOfRangeException.ThrowIfLessThan(partitions, 1);
        lock (gate)
        {
            ThrowIfErrored(Native.rd_kafka_mock_topic_create(LiveCluster(), name, partitions, Math.Min(replicationFactor, BrokerCount)),
                $"create topic '{name}'");
        }
    }

    /// <summary>
    /// KIP-848 groups (<c>group.protocol=consumer</c>) keep their session timeout and heartbeat interval on the
    /// broker (<c>group.consumer.session.timeout.ms</c>, <c>group.consumer.heartbeat.interval.ms</c>); the client
    /// may not set them. A real broker defaults to 45 s and 5 s.
    /// </summary>
    public void SetConsumerGroupTimeouts(TimeSpan sessionTimeout, TimeSpan heartbeatInterval)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(heartbeatInterval, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(sessionTimeout, heartbeatInterval);
        lock (gate)
        {
            Native.rd_kafka_mock_set_group_consumer_session_timeout_ms(LiveCluster(), (int)sessionTimeout.TotalMilliseconds);
            Native.rd_kafka_mock_set_group_consumer_heartbeat_interval_ms(LiveCluster(), (int)heartbeatInterval.TotalMilliseconds);
        }
    }

    /// <summary>Closes the broker's connections and refuses new ones (broker ids start at 1).</summary>
    public void SetBrokerDown(int brokerId)
    {
        lock (gate)
        {
            ThrowIfErrored(Native.rd_kafka_mock_broker_set_down(LiveCluster(), brokerId), $"take broker {brokerId} down");
        }
    }

    public void SetBrokerUp(int brokerId)
    {
        lock (gate)
        {
            ThrowIfErrored(Native.rd_kafka_mock_broker_set_up(LiveCluster(), brokerId), $"bring broker {brokerId} up");
        }
    }

    public void Dispose()
    {
        lock (gate)
        {
            // Order matters: the cluster runs on the host handle's threads, so it goes first.
            if (cluster != IntPtr.Zero)
            {
                Native.rd_kafka_mock_cluster_destroy(cluster);
                cluster = IntPtr.Zero;
            }

            if (hostHandle != IntPtr.Zero)
            {
                Native.rd_kafka_destroy(hostHandle);
                hostHandle = IntPtr.Zero;
            }
        }
    }

    private IntPtr LiveCluster()
    {
        ObjectDisposedException.ThrowIf(cluster == IntPtr.Zero, this);
        return cluster;
    }

    private static IntPtr CreateHostHandle()
    {
        var errorText = new byte[ErrorTextCapacity];
        var conf = Native.rd_kafka_conf_new();
        // The host never connects anywhere; without this it would warn that no bootstrap servers are configured.
        if (Native.rd_kafka_conf_set(conf, "log_level", "3", errorText, (nuint)errorText.Length) != 0)
        {
            Native.rd_kafka_conf_destroy(conf);
            throw new InvalidOperationException("librdkafka rejected log_level: " + ErrorText(errorText));
        }

        var host = Native.rd_kafka_new(ProducerHandleType, conf, errorText, (nuint)errorText.Length);
        if (host == IntPtr.Zero)
        {
            Native.rd_kafka_conf_destroy(conf);
            throw new InvalidOperationException("librdkafka could not create the handle hosting the mock cluster: " + ErrorText(errorText));
        }

        return host;
    }

    private static string ErrorText(byte[] buffer)
    {
        var length = Array.IndexOf(buffer, (byte)0);
        return Encoding.UTF8.GetString(buffer, 0, length < 0 ? buffer.Length : length);
    }

    private static void ThrowIfErrored(int errorCode, string operation)
    {
        if (errorCode != 0)
        {
            throw new InvalidOperationException(
                $"The Kafka mock cluster could not {operation}: {Marshal.PtrToStringUTF8(Native.rd_kafka_err2str(errorCode))} ({errorCode}).");
        }
    }

    private static class Native
    {
        private const string Library = BundledLibrdkafka.FileName;

        [DllImport(Library)]
        public static extern IntPtr rd_kafka_conf_new();

        [DllImport(Library)]
        public static extern int rd_kafka_conf_set(
            IntPtr conf, [MarshalAs(UnmanagedType.LPUTF8Str)] string name, [MarshalAs(UnmanagedType.LPUTF8Str)] string value, byte[] errorText, nuint errorTextSize);

        [DllImport(Library)]
        public static extern void rd_kafka_conf_destroy(IntPtr conf);

        [DllImport(Library)]
        public static extern IntPtr rd_kafka_new(int type, IntPtr conf, byte[] errorText, nuint errorTextSize);

        [DllImport(Library)]
        public static extern void rd_kafka_destroy(IntPtr handle);

        [DllImport(Library)]
        public static extern IntPtr rd_kafka_err2str(int errorCode);

        [DllImport(Library)]
        public static extern IntPtr rd_kafka_mock_cluster_new(IntPtr handle, int brokerCount);

        [DllImport(Library)]
        public static extern IntPtr rd_kafka_mock_cluster_bootstraps(IntPtr cluster);

        [DllImport(Library)]
        public static extern int rd_kafka_mock_topic_create(
            IntPtr cluster, [MarshalAs(UnmanagedType.LPUTF8Str)] string topic, int partitionCount, int replicationFactor);

        [DllImport(Library)]
        public static extern int rd_kafka_mock_broker_set_down(IntPtr cluster, int brokerId);

        [DllImport(Library)]
        public static extern int rd_kafka_mock_broker_set_up(IntPtr cluster, int brokerId);

        [DllImport(Library)]
        public static extern void rd_kafka_mock_cluster_destroy(IntPtr cluster);

        [DllImport(Library)]
        public static extern void rd_kafka_mock_group_initial_rebalance_delay_ms(IntPtr cluster, int delayMs);

        [DllImport(Library)]
        public static extern void rd_kafka_mock_set_group_consumer_session_timeout_ms(IntPtr cluster, int sessionTimeoutMs);

        [DllImport(Library)]
        public static extern void rd_kafka_mock_set_group_consumer_heartbeat_interval_ms(IntPtr cluster, int heartbeatIntervalMs);
    }
}
