using System.Text.Json;

namespace MasteryEngine.Grains.Domain;

/// <summary>
/// Parses an <c>answer</c> event: a topic (the skill) is required, and <c>data</c> is
/// <c>{"item_id": id, "correct": true|false, "score": optional number in [0, 1], "response_time_ms": optional
/// int ≥ 0, "attempt": optional int ≥ 1}</c>. Item ids follow the same pattern as topics: they key an item grain.
/// </summary>
internal static class AnswerEventParser
{
    public static LearningEventValidation Parse(string? topic, JsonElement data)
    {
        if (topic is null)
        {
            return LearningEventValidation.Invalid(LearningEventRejection.InvalidTopic, "topic is required for an answer event: it names the skill the item tests.");
        }

        var itemId = data.TryGetProperty("item_id", out var idElement) && idElement.ValueKind == JsonValueKind.String ? idElement.GetString() : null;
        if (!Identifiers.IsValid(itemId))
        {
            return LearningEventValidator.InvalidData($"data.item_id is required and must match {Identifiers.Pattern}.");
        }

        if (!data.TryGetProperty("correct", out var correctElement) || correctElement.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            return LearningEventValidator.InvalidData("data.correct is required and must be true or false.");
        }

        var correct = correctElement.GetBoolean();
        double score = correct ? 1 : 0;
        if (data.TryGetProperty("score", out var scoreElement) && scoreElement.ValueKind != JsonValueKind.Null)
        {
            if (LearningEventValidator.ReadNumber(data, "score", out score) is { } scoreError)
            {
                return scoreError;
            }

            if (score is < 0 or > 1)
            {
                return LearningEventValidator.InvalidData("data.score must be between 0 and 1.");
            }
        }

        if (LearningEventValidator.ReadInt(data, "response_time_ms", required: false, out var responseTime) is { } timeError)
        {
            return timeError;
        }

        if (responseTime < 0)
        {
            return LearningEventValidator.InvalidData("data.response_time_ms must be 0 or more when given.");
        }

        if (LearningEventValidator.ReadInt(data, "attempt", required: false, out var attempt) is { } attemptError)
        {
            return attemptError;
        }

        if (attempt < 1)
        {
            return LearningEventValidator.InvalidData("data.attempt must be 1 or more when given.");
        }

        return LearningEventValidation.Valid(new AnswerObserved(itemId!, correct, score, responseTime, attempt));
    }
}
