namespace MasteryEngine.ReviewAgent.Analysis;

public enum SandboxRunOutcome
{
    Exited,
    TimedOut,
    OutputTooLarge,
}
