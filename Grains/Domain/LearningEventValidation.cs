using System.Diagnostics.CodeAnalysis;

namespace MasteryEngine.Grains.Domain;

/// <summary>Either the observation a valid event carries, or why the event was refused.</summary>
public sealed record LearningEventValidation(LearningObservation? Observation, LearningEventRejection? Rejection)
{
    [MemberNotNullWhen(true, nameof(Observation))]
    [MemberNotNullWhen(false, nameof(Rejection))]
    public bool IsValid => Observation is not null;

    public static LearningEventValidation Valid(LearningObservation observation) => new(observation, null);

    public static LearningEventValidation Invalid(string reason, string message) => new(null, new LearningEventRejection(reason, message));
}
