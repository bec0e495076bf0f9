namespace MasteryEngine.Grains;

public enum MasteryComponent
{
    Completion,
    Quiz,
    Quality,
    Consistency,
}
