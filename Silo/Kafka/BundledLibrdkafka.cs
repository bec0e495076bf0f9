namespace MasteryEngine.Silo.Kafka;

/// <summary>
/// The native librdkafka that Confluent.Kafka loads from the librdkafka.redist package on glibc Linux. The plain
/// <c>librdkafka.so</c> beside it links libsasl2.so.3, which Debian 12 lacks, so our own P/Invokes name this
/// self-contained build: the process then maps a single librdkafka, and handles created by Confluent.Kafka are
/// valid in our calls.
/// </summary>
public static class BundledLibrdkafka
{
    public const string FileName = "centos8-librdkafka.so";
}
