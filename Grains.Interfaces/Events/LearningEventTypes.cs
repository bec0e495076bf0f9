namespace MasteryEngine.Grains;

/// <summary>The <c>event_type</c> values of inbound learning events.</summary>
public static class LearningEventTypes
{
    public const string Completion = "completion";
    public const string ExerciseCompleted = "exercise.completed";
    public const string Quiz = "quiz";
    public const string Quality = "quality";

    public static readonly IReadOnlyList<string> All = [Completion, ExerciseCompleted, Quiz, Quality];
}
