namespace MasteryEngine.Silo.Runtime;

/// <summary>The result of a grain method returning plain <see cref="Task"/>: <c>Task&lt;VoidResult&gt;</c> is a <c>Task</c>.</summary>
internal readonly struct VoidResult
{
    public static readonly Task<VoidResult> CompletedTask = Task.FromResult(default(VoidResult));
}
