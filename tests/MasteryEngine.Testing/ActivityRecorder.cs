using System.Collections.Concurrent;
using System.Diagnostics;
using MasteryEngine.Silo.Observability;

namespace MasteryEngine.Testing;

/// <summary>
/// Records every finished span of the <c>MasteryEngine</c> source and of Orleans' grain calls. Listeners are process-wide and tests run in
/// parallel, so a test reads only the spans of its own trace (<see cref="InTrace"/>).
/// </summary>
public sealed class ActivityRecorder : IDisposable
{
    /// <summary>Orleans' source of application grain-call spans (a client and a server span per call).</summary>
    public const string OrleansApplicationSource = "Microsoft.Orleans.Application";

    private readonly ConcurrentQueue<Activity> stopped = new();
    private readonly ActivityListener listener;

    public ActivityRecorder()
    {
        listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is MasteryActivitySource.Name or OrleansApplicationSource,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
    }

    public IReadOnlyList<Activity> InTrace(ActivityTraceId traceId) => [.. stopped.Where(activity => activity.TraceId == traceId)];

    public void Dispose() => listener.Dispose();
}
