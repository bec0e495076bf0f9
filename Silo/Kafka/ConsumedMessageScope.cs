using System.Diagnostics;

namespace MasteryEngine.Silo.Kafka;

/// <summary>What <see cref="KafkaTraceContext.StartProcessing"/> opened for one consumed message: its span and its logging scope.</summary>
internal sealed class ConsumedMessageScope(Activity? activity, IDisposable? logScope) : IDisposable
{
    public void Dispose()
    {
        logScope?.Dispose();
        activity?.Dispose();
    }
}
