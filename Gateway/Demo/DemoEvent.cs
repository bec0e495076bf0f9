using System.Text.Json.Nodes;

namespace MasteryEngine.Gateway.Demo;

/// <summary>One learning event of the demo cohort, in the shape <c>POST /mastery/ingest</c> takes.</summary>
public sealed record DemoEvent(
    string StudentId,
    string EventId,
    string EventType,
    string Topic,
    DateTimeOffset Timestamp,
    JsonObject Data)
{
    public DateOnly Day => DateOnly.FromDateTime(Timestamp.UtcDateTime);

    public JsonObject ToIngestBody() => new()
    {
        ["event_type"] = EventType,
        ["student_id"] = StudentId,
        ["event_id"] = EventId,
        ["timestamp"] = Timestamp.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        ["topic"] = Topic,
        ["data"] = Data.DeepClone(),
    };
}
