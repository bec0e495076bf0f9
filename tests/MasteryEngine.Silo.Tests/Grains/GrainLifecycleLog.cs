using System.Collections.Concurrent;
using MasteryEngine.Runtime;

namespace MasteryEngine.Silo.Tests.Grains;

/// <summary>What the test grains report about their lifecycle; a singleton of the test silo.</summary>
public sealed class GrainLifecycleLog
{
    private readonly ConcurrentQueue<(string Key, string Event)> events = new();

    public void Record(string key, string lifecycleEvent) => events.Enqueue((key, lifecycleEvent));

    public IReadOnlyList<string> EventsOf(string key) => events.Where(e => e.Key == key).Select(e => e.Event).ToList();

    public int Count(string key, string lifecycleEvent) => events.Count(e => e.Key == key && e.Event == lifecycleEvent);

    public bool WasDeactivated(string key, DeactivationReason reason) => Count(key, $"deactivate:{reason}") > 0;
}
