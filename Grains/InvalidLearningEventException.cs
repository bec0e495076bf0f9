using MasteryEngine.Grains.Domain;

namespace MasteryEngine.Grains;

/// <summary>A learning event the domain refused; <see cref="Rejection"/> carries the machine reason and the message.</summary>
[GenerateSerializer, Alias("mastery.invalid-learning-event")]
public sealed class InvalidLearningEventException : ArgumentException
{
    public InvalidLearningEventException(LearningEventRejection rejection)
        : base(rejection.Message) => Rejection = rejection;

    public InvalidLearningEventException() : this(new LearningEventRejection(LearningEventRejection.InvalidData, "Invalid learning event.")) { }

    public InvalidLearningEventException(string message) : this(new LearningEventRejection(LearningEventRejection.InvalidData, message)) { }

    public InvalidLearningEventException(string message, Exception innerException)
        : base(message, innerException) => Rejection = new LearningEventRejection(LearningEventRejection.InvalidData, message);

    [Id(0)]
    public LearningEventRejection Rejection { get; private set; }
}
