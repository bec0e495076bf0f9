namespace MasteryEngine.Silo.Kafka;

/// <summary>
/// A message gave up waiting for a grain-call slot because its partition is being given up. Its own type keeps it
/// clear of the retry handlers, which would take a bare cancellation for a transient failure; the processor
/// rethrows <see cref="Cancellation"/> so that the lane leaves the message unstarted.
/// </summary>
internal sealed class ApplySlotNotTakenException(OperationCanceledException cancellation)
    : Exception("The partition is being given up; the message was not started.", cancellation)
{
    public OperationCanceledException Cancellation { get; } = cancellation;
}
