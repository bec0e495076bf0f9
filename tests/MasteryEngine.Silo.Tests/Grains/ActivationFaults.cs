using System.Collections.Concurrent;

namespace MasteryEngine.Silo.Tests.Grains;

/// <summary>Exceptions the next activation of a grain key should fail with, at a given step (each used once).</summary>
public sealed class ActivationFaults
{
    private readonly ConcurrentDictionary<(string Key, string Step), Exception> faults = new();

    public void FailNext(string key, string step, Exception exception) => faults[(key, step)] = exception;

    public void ThrowIfPlanned(string key, string step)
    {
        if (faults.TryRemove((key, step), out var exception))
        {
            throw exception;
        }
    }
}
