namespace MasteryEngine.Grains.Domain;

/// <summary>What a valid learning event says about the student, parsed from its <c>data</c>.</summary>
public abstract record LearningObservation;
