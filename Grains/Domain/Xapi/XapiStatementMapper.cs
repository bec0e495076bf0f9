using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace MasteryEngine.Grains.Domain.Xapi;

/// <summary>
/// Maps the body of <c>POST /xapi/statements</c> (one statement or an array) to learning events:
/// <list type="bullet">
/// <item><c>answered</c> → <c>answer</c>: item = last segment of <c>object.id</c>, topic = last segment of the first
/// <c>context.contextActivities.parent</c>, correct = <c>result.success</c> (else <c>result.score.scaled</c> ≥ 0.5),
/// score = <c>result.score.scaled</c> clamped to [0, 1], response time = <c>result.duration</c>;</item>
/// <item><c>completed</c> → <c>exercise.completed</c> of <c>object.id</c>;</item>
/// <item><c>passed</c> / <c>failed</c> → <c>quiz</c> with the scaled score (else raw within min..max, else 1 / 0);</item>
/// <item><c>progressed</c> → <c>completion</c> of cmi5's progress percent (else the scaled score) out of 100.</item>
/// </list>
/// Outside <c>answered</c>, the topic is the parent activity's last segment, else the object's own.
/// The statement id is the event id (<c>xapi:UUID</c>), so a statement sent twice is applied once; a statement
/// without one gets <c>xapi-sha256:</c> and the hash of its text, so an identical resend is idempotent too.
/// </summary>
public static class XapiStatementMapper
{
    private const string MappingRule = "Mastery Engine xAPI mapping";

    public static XapiMapping Map(JsonElement body, string? versionHeader, DateTimeOffset receivedAt)
    {
        if (XapiVersion.Check(versionHeader) is { } versionRejection)
        {
            return new XapiMapping([], [versionRejection]);
        }

        JsonElement[] statements = body.ValueKind switch
        {
            JsonValueKind.Object => [body],
            JsonValueKind.Array => [.. body.EnumerateArray()],
            _ => [],
        };
        if (statements.Length == 0)
        {
            return new XapiMapping([], [new XapiRejection(0, "xAPI 1.0.3 Part Three §2.1: statements", "The body must be a statement or a non-empty array of statements.")]);
        }

        var events = new List<LearningEvent>(statements.Length);
        var rejections = new List<XapiRejection>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var index = 0; index < statements.Length; index++)
        {
            try
            {
                var learningEvent = MapOne(statements[index], receivedAt);
                if (!ids.Add(learningEvent.EventId))
                {
                    throw new XapiRuleViolation("xAPI 1.0.3 Part Three §2.1: statements", "The same statement id appears twice in one batch.");
                }

                events.Add(learningEvent);
            }
            catch (XapiRuleViolation refused)
            {
                rejections.Add(new XapiRejection(index, refused.Rule, refused.Message));
            }
        }

        return rejections.Count == 0 ? new XapiMapping(events, []) : new XapiMapping([], rejections);
    }

    private static LearningEvent MapOne(JsonElement statement, DateTimeOffset receivedAt)
    {
        if (statement.ValueKind != JsonValueKind.Object)
        {
            throw new XapiRuleViolation("xAPI 1.0.3 Part Two §2.2: statement", "A statement must be a JSON object.");
        }

        var eventId = EventId(statement);
        if (statement.TryGetProperty("version", out var version) && (version.ValueKind != JsonValueKind.String || !XapiVersion.IsSupported(version.GetString()!)))
        {
            throw new XapiRuleViolation("xAPI 1.0.3 Part Two §2.4.10: version", "version must be 1.0.x or 2.0.x when given.");
        }

        var (studentId, actorProblem) = XapiStudentId.Of(statement.TryGetProperty("actor", out var actor) ? actor : default);
        if (studentId is null)
        {
            throw new XapiRuleViolation(XapiStudentId.Rule, actorProblem!);
        }

        var verb = Iri(statement, "verb", "xAPI 1.0.3 Part Two §2.4.3: verb");
        var activity = ActivityId(statement);
        var result = XapiResult.Of(statement);
        var timestamp = Timestamp(statement, receivedAt);
        var parent = ParentSegment(statement);
        var (eventType, topic, data) = verb switch
        {
            XapiVerbs.Answered => Answered(activity, parent, result),
            XapiVerbs.Completed => (LearningEventTypes.ExerciseCompleted, parent ?? Segment(activity), Data(w => w.WriteString("exercise_id", ExerciseId(activity)))),
            XapiVerbs.Passed or XapiVerbs.Failed => (LearningEventTypes.Quiz, parent ?? Segment(activity), Quiz(result, passed: verb == XapiVerbs.Passed)),
            XapiVerbs.Progressed => (LearningEventTypes.Completion, parent ?? Segment(activity), Progress(result)),
            _ => throw new XapiRuleViolation(
                MappingRule + ": verb",
                $"verb '{verb}' is not mapped; send one of answered, completed, passed, failed, progressed (ADL verbs)."),
        };

        var learningEvent = new LearningEvent(eventType, studentId, eventId, timestamp, topic, null, data);
        var validation = LearningEventValidator.Validate(learningEvent);
        return validation.IsValid ? learningEvent : throw new XapiRuleViolation(MappingRule, validation.Rejection.Message);
    }

    private static (string, string?, JsonElement) Answered(string activity, string? parent, XapiResult result)
    {
        if (parent is null)
        {
            throw new XapiRuleViolation(MappingRule + ": topic", "An answered statement needs context.contextActivities.parent: the activity whose last path segment is the topic.");
        }

        var correct = result.Success ?? (result.Scaled is { } scaled ? scaled >= 0.5 : throw new XapiRuleViolation(
            MappingRule + ": result", "An answered statement needs result.success or result.score.scaled."));
        return (LearningEventTypes.Answer, parent, Data(w =>
        {
            w.WriteString("item_id", Segment(activity));
            w.WriteBoolean("correct", correct);
            if (result.Scaled is { } score)
            {
                w.WriteNumber("score", Math.Clamp(score, 0, 1));
            }

            if (result.Duration is { } duration)
            {
                w.WriteNumber("response_time_ms", (int)Math.Min(duration.TotalMilliseconds, int.MaxValue));
            }
        }));
    }

    private static JsonElement Quiz(XapiResult result, bool passed)
    {
        var score = result.Scaled is { } scaled ? Math.Clamp(scaled, 0, 1)
            : result.RawShare is { } share ? share
            : passed ? 1 : 0;
        return Data(w =>
        {
            w.WriteNumber("score", score);
            w.WriteNumber("max_score", 1);
        });
    }

    private static JsonElement Progress(XapiResult result)
    {
        var percent = result.ProgressPercent
            ?? (result.Scaled is { } scaled ? (int)Math.Round(Math.Clamp(scaled, 0, 1) * 100) : throw new XapiRuleViolation(
                MappingRule + ": result", $"A progressed statement needs result.extensions[\"{XapiVerbs.ProgressExtension}\"] (0–100) or result.score.scaled."));
        return Data(w =>
        {
            w.WriteNumber("completed_exercises", percent);
            w.WriteNumber("total_exercises", 100);
        });
    }

    private static string EventId(JsonElement statement)
    {
        if (!statement.TryGetProperty("id", out var id))
        {
            var hash = SHA256.HashData(Encoding.UTF8.GetBytes(statement.GetRawText()));
            return "xapi-sha256:" + Convert.ToHexStringLower(hash);
        }

        return id.ValueKind == JsonValueKind.String && Guid.TryParseExact(id.GetString(), "D", out var uuid)
            ? "xapi:" + uuid.ToString("D")
            : throw new XapiRuleViolation("xAPI 1.0.3 Part Two §2.4.1: id", "id must be a UUID when given.");
    }

    private static string Iri(JsonElement statement, string property, string rule)
    {
        if (!statement.TryGetProperty(property, out var element) || element.ValueKind != JsonValueKind.Object)
        {
            throw new XapiRuleViolation(rule, $"{property} is required and must be an object.");
        }

        return element.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String && Uri.TryCreate(id.GetString(), UriKind.Absolute, out _)
            ? id.GetString()!
            : throw new XapiRuleViolation(rule, $"{property}.id is required and must be an IRI.");
    }

    private static string ActivityId(JsonElement statement)
    {
        const string rule = "xAPI 1.0.3 Part Two §2.4.4: object";
        if (statement.TryGetProperty("object", out var target) && target.ValueKind == JsonValueKind.Object
            && target.TryGetProperty("objectType", out var type) && type.ValueKind == JsonValueKind.String && type.GetString() != "Activity")
        {
            throw new XapiRuleViolation(MappingRule + ": object", $"object.objectType '{type.GetString()}' is not mapped: the object must be an Activity.");
        }

        return Iri(statement, "object", rule);
    }

    private static DateTimeOffset Timestamp(JsonElement statement, DateTimeOffset receivedAt)
    {
        if (!statement.TryGetProperty("timestamp", out var timestamp))
        {
            return receivedAt;
        }

        return timestamp.ValueKind == JsonValueKind.String
            && DateTimeOffset.TryParse(timestamp.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
            ? parsed
            : throw new XapiRuleViolation("xAPI 1.0.3 Part Two §2.4.7: timestamp", "timestamp must be an ISO 8601 date and time.");
    }

    private static string? ParentSegment(JsonElement statement)
    {
        if (!statement.TryGetProperty("context", out var context) || context.ValueKind != JsonValueKind.Object
            || !context.TryGetProperty("contextActivities", out var activities) || activities.ValueKind != JsonValueKind.Object
            || !activities.TryGetProperty("parent", out var parent))
        {
            return null;
        }

        // 1.0.3 §2.4.6.2: an LRS must accept a single activity object where an array is expected.
        var first = parent.ValueKind == JsonValueKind.Array ? parent.EnumerateArray().FirstOrDefault() : parent;
        return first.ValueKind == JsonValueKind.Object && first.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String
            && Uri.TryCreate(id.GetString(), UriKind.Absolute, out _)
            ? Segment(id.GetString()!)
            : throw new XapiRuleViolation("xAPI 1.0.3 Part Two §2.4.6.2: contextActivities", "context.contextActivities.parent must hold activities with an IRI id.");
    }

    /// <summary>The id an activity IRI gives an item or topic: its fragment, else its last non-empty path segment.</summary>
    public static string Segment(string iri)
    {
        var uri = new Uri(iri, UriKind.Absolute);
        var segment = uri.Fragment.Length > 1
            ? uri.Fragment[1..]
            : Uri.UnescapeDataString(uri.AbsolutePath.TrimEnd('/').Split('/')[^1]);
        return Identifiers.IsValid(segment)
            ? segment
            : throw new XapiRuleViolation(MappingRule + ": ids", $"'{iri}' must end in a segment matching {Identifiers.Pattern} (it names the item or topic).");
    }

    private static string ExerciseId(string activity) => activity.Length <= Identifiers.MaxEventIdLength ? activity : Segment(activity);

    private static JsonElement Data(Action<Utf8JsonWriter> write)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            write(writer);
            writer.WriteEndObject();
        }

        using var document = JsonDocument.Parse(buffer.WrittenMemory);
        return document.RootElement.Clone();
    }
}
