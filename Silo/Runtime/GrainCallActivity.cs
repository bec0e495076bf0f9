using System.Diagnostics;
using MasteryEngine.Silo.Observability;

namespace MasteryEngine.Silo.Runtime;

/// <summary>
/// The span of one grain call (<c>IStudentMasteryGrain/ApplyEventAsync</c>, kind Internal: caller and grain share
/// the process), tagged with the grain's type and key. Callers ask <see cref="IsEnabled"/> first, so that without a
/// listener a call costs one field read and nothing is allocated.
/// </summary>
internal static class GrainCallActivity
{
    public const string GrainTypeTag = "grain.type";
    public const string GrainKeyTag = "grain.key";
    public const string InterfaceTag = "rpc.service";
    public const string MethodTag = "rpc.method";

    public static bool IsEnabled => MasteryActivitySource.Instance.HasListeners();

    public static Activity? Start(GrainMethod method, GrainId grainId)
    {
        var activity = MasteryActivitySource.Instance.StartActivity(method.SpanName, ActivityKind.Internal);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag(GrainTypeTag, grainId.Type);
            activity.SetTag(GrainKeyTag, grainId.Key);
            activity.SetTag(InterfaceTag, method.InterfaceName);
            activity.SetTag(MethodTag, method.MethodName);
        }

        return activity;
    }

    public static void RecordFailure(Activity activity, Exception exception)
    {
        activity.SetStatus(ActivityStatusCode.Error, exception.Message);
        activity.AddException(exception);
    }
}
