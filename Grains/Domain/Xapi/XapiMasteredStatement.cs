using System.Text.Json;

namespace MasteryEngine.Grains.Domain.Xapi;

/// <summary>
/// Builds the xAPI 1.0.3 statement the service emits when a topic becomes mastered: actor = the student as an
/// account on <paramref name="homePage"/> (the inverse of <see cref="XapiStudentId"/>'s account rule), verb = ADL
/// <c>mastered</c>, object = the topic's activity under <paramref name="activityBase"/>, result.score.scaled =
/// the knowledge, with success and the interval and evidence as extensions.
/// </summary>
public static class XapiMasteredStatement
{
    public const string KnowledgeLowExtension = "https://w3id.org/xapi/mastery-engine/knowledge-low";
    public const string KnowledgeHighExtension = "https://w3id.org/xapi/mastery-engine/knowledge-high";
    public const string EvidenceExtension = "https://w3id.org/xapi/mastery-engine/evidence";

    /// <param name="statementId">A UUID the caller keeps stable for this event, so a re-emitted statement is the same statement.</param>
    public static string Build(
        Guid statementId,
        string studentId,
        string topic,
        Learning.KnowledgeEstimate knowledge,
        Uri homePage,
        Uri activityBase,
        DateTimeOffset timestamp)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("id", statementId.ToString("D"));
            w.WriteString("version", "1.0.3");
            w.WriteStartObject("actor");
            w.WriteString("objectType", "Agent");
            w.WriteStartObject("account");
            w.WriteString("homePage", homePage.AbsoluteUri);
            w.WriteString("name", studentId);
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteStartObject("verb");
            w.WriteString("id", XapiVerbs.Mastered);
            w.WriteStartObject("display");
            w.WriteString("en-US", "mastered");
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteStartObject("object");
            w.WriteString("objectType", "Activity");
            w.WriteString("id", new Uri(activityBase, Uri.EscapeDataString(topic)).AbsoluteUri);
            w.WriteEndObject();
            w.WriteStartObject("result");
            w.WriteBoolean("success", true);
            w.WriteStartObject("score");
            w.WriteNumber("scaled", Math.Round(knowledge.Knowledge, 4));
            w.WriteEndObject();
            w.WriteStartObject("extensions");
            w.WriteNumber(KnowledgeLowExtension, Math.Round(knowledge.Low, 4));
            w.WriteNumber(KnowledgeHighExtension, Math.Round(knowledge.High, 4));
            w.WriteNumber(EvidenceExtension, knowledge.Evidence);
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteString("timestamp", timestamp.ToUniversalTime().ToString("O", System.Globalization.CultureInfo.InvariantCulture));
            w.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
