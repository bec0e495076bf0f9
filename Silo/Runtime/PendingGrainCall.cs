using System.Diagnostics;
using MasteryEngine.Silo.Observability;

namespace MasteryEngine.Silo.Runtime;

/// <summary>A call waiting for its turn in an activation's queue.</summary>
internal abstract class PendingGrainCall
{
    /// <summary>The turns waiting on this call, for cycle detection and for the activation this call may create.</summary>
    public abstract GrainCallChain? Caller { get; }

    /// <summary>
    /// Runs the call as the activation's current turn; true when it finished synchronously, and then the
    /// activation calls <see cref="CompleteCaller"/> once it has released or passed on the turn.
    /// </summary>
    public abstract bool Run(GrainActivation activation);

    /// <summary>Hands the finished call's outcome to the caller.</summary>
    public abstract void CompleteCaller();

    /// <summary>The call cannot be delivered (activation failed, silo stopping): the caller gets this exception.</summary>
    public abstract void Fail(Exception exception);
}

internal sealed class PendingGrainCall<TResult>(GrainMethod<TResult> method, object?[] arguments, GrainCallChain? caller) : PendingGrainCall
{
    // Continuations run elsewhere: the caller's code never runs inside the grain's scheduling loop.
    private readonly TaskCompletionSource<TResult> completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    // A queued call runs from the thread pool without the caller's execution context; these two are what the grain
    // needs of it, so that its logs, spans and the messages it produces belong to the caller's request, as they do
    // when the call runs inline.
    private readonly Activity? callerActivity = Activity.Current;
    private readonly string? callerCorrelationId = CorrelationContext.CorrelationId;
    private GrainActivation? activation;
    private Task<TResult>? running;
    private GrainCallChain? turn;

    public Task<TResult> Task => completion.Task;

    public override GrainCallChain? Caller => caller;

    public override bool Run(GrainActivation activation)
    {
        var previous = ExecutionContext.Capture();
        turn = activation.BeginTurn(caller);
        Activity.Current = callerActivity;
        CorrelationContext.CorrelationId = callerCorrelationId;
        Task<TResult> task;
        try
        {
            task = method.Invoke(activation.Grain, arguments);
        }
        finally
        {
            ExecutionContext.Restore(previous!);
        }

        running = task;
        if (task.IsCompleted)
        {
            activation.CompleteTurn(task, turn);
            return true;
        }

        this.activation = activation;
        task.ConfigureAwait(false).GetAwaiter().UnsafeOnCompleted(OnCompletedAsynchronously);
        return false;
    }

    public override void Fail(Exception exception) => completion.TrySetException(exception);

    public override void CompleteCaller()
    {
        var task = running!;
        if (task.IsCompletedSuccessfully)
        {
            completion.TrySetResult(task.Result);
        }
        else if (task.IsCanceled)
        {
            completion.TrySetCanceled();
        }
        else
        {
            completion.TrySetException(task.Exception!.InnerExceptions);
        }
    }

    private void OnCompletedAsynchronously()
    {
        activation!.CompleteTurn(running!, turn!);
        activation.ReleaseTurn();
        CompleteCaller();
    }
}
