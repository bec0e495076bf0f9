using System.Text.Json;

namespace MasteryEngine.Grains.Domain;

/// <summary>
/// Checks a learning event before anything is applied and parses its <c>data</c>:
/// <list type="bullet">
/// <item><c>completion</c>: <c>{"total_exercises": int &gt; 0, "completed_exercises": int in [0, total], "difficulty": optional "beginner" | "intermediate" | "advanced"}</c></item>
/// <item><c>exercise.completed</c>: <c>{"exercise_id": string, "total_exercises": optional int &gt; 0}</c></item>
/// <item><c>quiz</c>: <c>{"score": number ≥ 0, "max_score": number &gt; 0}</c> with score ≤ max_score</item>
/// <item><c>quality</c>: <c>{"score": number in [0, 1]}</c></item>
/// <item><c>answer</c> (needs a <c>topic</c>): <c>{"item_id": id, "correct": bool, "score": optional number in [0, 1],
/// "response_time_ms": optional int ≥ 0, "attempt": optional int ≥ 1}</c></item>
/// </list>
/// Numbers must be JSON numbers (not strings) and finite; unknown fields are ignored.
/// </summary>
public static class LearningEventValidator
{
    public static readonly IReadOnlyList<string> Difficulties = ["beginner", "intermediate", "advanced"];

    public static LearningEventValidation Validate(LearningEvent learningEvent)
    {
        if (!LearningEventTypes.All.Contains(learningEvent.EventType, StringComparer.Ordinal))
        {
            return LearningEventValidation.Invalid(
                LearningEventRejection.UnknownEventType,
                $"Unknown event_type; expected one of: {string.Join(", ", LearningEventTypes.All)}.");
        }

        if (!Identifiers.IsValid(learningEvent.StudentId))
        {
            return LearningEventValidation.Invalid(
                LearningEventRejection.InvalidStudentId,
                $"student_id must match {Identifiers.Pattern}.");
        }

        if (string.IsNullOrEmpty(learningEvent.EventId))
        {
            return LearningEventValidation.Invalid(LearningEventRejection.MissingEventId, "event_id is required.");
        }

        if (!Identifiers.IsValidEventId(learningEvent.EventId))
        {
            return LearningEventValidation.Invalid(
                LearningEventRejection.InvalidEventId,
                $"event_id must be 1 to {Identifiers.MaxEventIdLength} printable characters.");
        }

        if (learningEvent.Topic is not null && !Identifiers.IsValid(learningEvent.Topic))
        {
            return LearningEventValidation.Invalid(LearningEventRejection.InvalidTopic, $"topic must match {Identifiers.Pattern}.");
        }

        if (learningEvent.CohortId is not null && !Identifiers.IsValid(learningEvent.CohortId))
        {
            return LearningEventValidation.Invalid(LearningEventRejection.InvalidCohortId, $"cohort_id must match {Identifiers.Pattern}.");
        }

        if (learningEvent.Data.ValueKind != JsonValueKind.Object)
        {
            return InvalidData($"data must be a JSON object for a '{learningEvent.EventType}' event.");
        }

        return learningEvent.EventType switch
        {
            LearningEventTypes.Completion => ParseCompletion(learningEvent.Data),
            LearningEventTypes.ExerciseCompleted => ParseExerciseCompleted(learningEvent.Data),
            LearningEventTypes.Quiz => ParseQuiz(learningEvent.Data),
            LearningEventTypes.Quality => ParseQuality(learningEvent.Data),
            LearningEventTypes.Answer => AnswerEventParser.Parse(learningEvent.Topic, learningEvent.Data),
            _ => throw new InvalidOperationException($"LearningEventTypes.All lists '{learningEvent.EventType}' but the validator has no parser for it."),
        };
    }

    private static LearningEventValidation ParseCompletion(JsonElement data)
    {
        if (ReadInt(data, "total_exercises", required: true, out var total) is { } totalError)
        {
            return totalError;
        }

        if (total <= 0)
        {
            return InvalidData("data.total_exercises must be greater than 0.");
        }

        if (ReadInt(data, "completed_exercises", required: true, out var completed) is { } completedError)
        {
            return completedError;
        }

        if (completed < 0 || completed > total)
        {
            return InvalidData("data.completed_exercises must be between 0 and data.total_exercises.");
        }

        string? difficulty = null;
        if (data.TryGetProperty("difficulty", out var difficultyElement) && difficultyElement.ValueKind != JsonValueKind.Null)
        {
            difficulty = difficultyElement.ValueKind == JsonValueKind.String ? difficultyElement.GetString() : null;
            if (difficulty is null || !Difficulties.Contains(difficulty, StringComparer.Ordinal))
            {
                return InvalidData($"data.difficulty must be one of: {string.Join(", ", Difficulties)}.");
            }
        }

        return LearningEventValidation.Valid(new CompletionObserved(completed!.Value, total!.Value, difficulty));
    }

    private static LearningEventValidation ParseExerciseCompleted(JsonElement data)
    {
        var exerciseId = data.TryGetProperty("exercise_id", out var idElement) && idElement.ValueKind == JsonValueKind.String
            ? idElement.GetString()
            : null;
        if (exerciseId is null || !Identifiers.IsValidEventId(exerciseId))
        {
            return InvalidData($"data.exercise_id is required: a string of 1 to {Identifiers.MaxEventIdLength} printable characters.");
        }

        if (ReadInt(data, "total_exercises", required: false, out var total) is { } totalError)
        {
            return totalError;
        }

        if (total <= 0)
        {
            return InvalidData("data.total_exercises must be greater than 0 when given.");
        }

        return LearningEventValidation.Valid(new ExerciseCompletedObserved(exerciseId, total));
    }

    private static LearningEventValidation ParseQuiz(JsonElement data)
    {
        if (ReadNumber(data, "score", out var score) is { } scoreError)
        {
            return scoreError;
        }

        if (ReadNumber(data, "max_score", out var maxScore) is { } maxError)
        {
            return maxError;
        }

        if (maxScore <= 0)
        {
            return InvalidData("data.max_score must be greater than 0.");
        }

        if (score < 0 || score > maxScore)
        {
            return InvalidData("data.score must be between 0 and data.max_score.");
        }

        return LearningEventValidation.Valid(new QuizObserved(Math.Clamp(score / maxScore, 0, 1)));
    }

    private static LearningEventValidation ParseQuality(JsonElement data)
    {
        if (ReadNumber(data, "score", out var score) is { } scoreError)
        {
            return scoreError;
        }

        if (score is < 0 or > 1)
        {
            return InvalidData("data.score must be between 0 and 1.");
        }

        return LearningEventValidation.Valid(new QualityObserved(score));
    }

    internal static LearningEventValidation? ReadNumber(JsonElement data, string name, out double value)
    {
        value = 0;
        if (!data.TryGetProperty(name, out var element) || element.ValueKind != JsonValueKind.Number)
        {
            return InvalidData($"data.{name} is required and must be a number.");
        }

        if (!element.TryGetDouble(out value) || !double.IsFinite(value))
        {
            return InvalidData($"data.{name} must be a finite number.");
        }

        return null;
    }

    internal static LearningEventValidation? ReadInt(JsonElement data, string name, bool required, out int? value)
    {
        value = null;
        if (!data.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return required ? InvalidData($"data.{name} is required and must be a whole number.") : null;
        }

        if (element.ValueKind != JsonValueKind.Number || !element.TryGetInt32(out var parsed))
        {
            return InvalidData($"data.{name} must be a whole number.");
        }

        value = parsed;
        return null;
    }

    internal static LearningEventValidation InvalidData(string message) =>
        LearningEventValidation.Invalid(LearningEventRejection.InvalidData, message);
}
