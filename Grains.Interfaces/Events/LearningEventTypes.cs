namespace MasteryEngine.Grains;

/// <summary>The <c>event_type</c> values of inbound learning events.</summary>
public static class LearningEventTypes
{
    public const string Completion = "completion";
    public const string ExerciseCompleted = "exercise.completed";
    public const string Quiz = "quiz";
    public const string Quality = "quality";
    public const string Answer = "answer";

    /// <summary>
    /// A request on the Kafka requests topic to calculate a student's mastery (optionally from
    /// <c>data.components</c>); it is not a learning event and is not in <see cref="All"/>.
    /// </summary>
    public const string CalculationRequested = "mastery.calculation.requested";

    public static readonly IReadOnlyList<string> All = [Completion, ExerciseCompleted, Quiz, Quality, Answer];
}
