using System.Text;
using Confluent.Kafka;

namespace MasteryEngine.Kafka.Tests;

/// <summary>Learning events as producers put them on the requests topic.</summary>
internal static class TestEvents
{
    public static string Completion(string studentId, string eventId, int points) =>
        "{\"event_type\":\"completion\",\"student_id\":\"" + studentId + "\",\"event_id\":\"" + eventId +
        "\",\"timestamp\":\"2026-11-02T09:00:00Z\",\"data\":{\"total_exercises\":10,\"completed_exercises\":8,\"points\":" + points + "}}";

    public static string WithoutEventId(string studentId, int points) =>
        "{\"event_type\":\"exercise.completed\",\"student_id\":\"" + studentId + "\",\"data\":{\"exercise_id\":\"ex-" + points + "\",\"points\":" + points + "}}";

    public static string NewStudentId() => "student-" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>A plain idempotent producer for messages kcat cannot express (null key or value, invalid UTF-8).</summary>
    public static IProducer<byte[]?, byte[]?> Producer(string bootstrapServers)
    {
        return new ProducerBuilder<byte[]?, byte[]?>(new ProducerConfig
        {
            BootstrapServers = bootstrapServers,
            EnableIdempotence = true,
            Acks = Acks.All,
            LingerMs = 1,
        }).SetLogHandler((_, _) => { }).Build();
    }

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    public static string? Utf8String(byte[]? bytes) => bytes is null ? null : Encoding.UTF8.GetString(bytes);
}
