using System.Reflection;
using System.Runtime.InteropServices;
using Confluent.Kafka;
using MasteryEngine.Silo.Kafka;

namespace MasteryEngine.Kafka.Tests;

/// <summary>
/// librdkafka's own fault injection, <c>rd_kafka_test_fatal_error</c>: "there is no practical way to trigger real
/// fatal errors in the idempotent producer, this method allows an application to trigger fabricated fatal errors
/// in tests to check its error handling code". After it the producer really is fatal: it refuses every send.
/// Confluent.Kafka does not expose the native handle, so it is read from its internal property.
/// </summary>
internal static class LibrdkafkaFaults
{
    /// <summary>RD_KAFKA_RESP_ERR_OUT_OF_ORDER_SEQUENCE_NUMBER, the fatal idempotent-producer error librdkafka's docs use as example.</summary>
    private const int OutOfOrderSequenceNumber = 45;

    public static void RaiseFatalError(IProducer<byte[]?, byte[]?> producer)
    {
        var handleProperty = typeof(Handle).GetProperty("LibrdkafkaHandle", BindingFlags.Instance | BindingFlags.NonPublic)
            ?? throw new InvalidOperationException("Confluent.Kafka's Handle has no LibrdkafkaHandle property.");
        var native = (SafeHandle)handleProperty.GetValue(producer.Handle)!;
        var result = rd_kafka_test_fatal_error(native.DangerousGetHandle(), OutOfOrderSequenceNumber, "fatal error injected by a test");
        if (result != 0)
        {
            throw new InvalidOperationException($"librdkafka refused to inject a fatal error (error code {result}).");
        }
    }

    [DllImport(BundledLibrdkafka.FileName)]
    private static extern int rd_kafka_test_fatal_error(IntPtr handle, int errorCode, [MarshalAs(UnmanagedType.LPUTF8Str)] string reason);
}
