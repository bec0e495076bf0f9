using System.Collections.Concurrent;
using MasteryEngine.Grains;
using Orleans;
using Orleans.Runtime;

namespace MasteryEngine.Kafka.Tests;

/// <summary>
/// Stands in for the silo while the consumer is tested on its own: hands out <see cref="RecordingStudentGrain"/>s
/// that apply each event id once (as the real grain does) and remember what happened.
/// </summary>
internal sealed class RecordingGrainFactory : IGrainFactory
{
    private readonly ConcurrentDictionary<string, RecordingStudentGrain> students = new(StringComparer.Ordinal);
    private int concurrentCalls;
    private int maxConcurrentCalls;

    /// <summary>Decides, per call, whether the grain throws: gets the event and how many times it was delivered before.</summary>
    public Func<LearningEvent, int, Exception?> Failures { get; set; } = (_, _) => null;

    /// <summary>Pause inside each call, to keep work in flight (e.g. while a consumer is killed).</summary>
    public TimeSpan CallDelay { get; set; } = TimeSpan.Zero;

    /// <summary>Every call waits for this before applying anything, to hold work in flight until a test lets it go.</summary>
    public Task Gate { get; set; } = Task.CompletedTask;

    /// <summary>The most event calls, over all students, that were running at the same time.</summary>
    public int MaxConcurrentCalls => Volatile.Read(ref maxConcurrentCalls);

    public int ConcurrentCalls => Volatile.Read(ref concurrentCalls);

    public TGrainInterface GetGrain<TGrainInterface>(string primaryKey, string? grainClassNamePrefix = null) where TGrainInterface : IGrainWithStringKey
    {
        if (typeof(TGrainInterface) != typeof(IStudentMasteryGrain))
        {
            throw new NotSupportedException($"Only {nameof(IStudentMasteryGrain)} is recorded.");
        }

        return (TGrainInterface)(object)Student(primaryKey);
    }

    public TGrainInterface GetGrain<TGrainInterface>(Guid primaryKey, string? grainClassNamePrefix = null) where TGrainInterface : IGrainWithGuidKey => throw Unsupported();

    public TGrainInterface GetGrain<TGrainInterface>(long primaryKey, string? grainClassNamePrefix = null) where TGrainInterface : IGrainWithIntegerKey => throw Unsupported();

    public TGrainInterface GetGrain<TGrainInterface>(Guid primaryKey, string keyExtension, string? grainClassNamePrefix = null) where TGrainInterface : IGrainWithGuidCompoundKey => throw Unsupported();

    public TGrainInterface GetGrain<TGrainInterface>(long primaryKey, string keyExtension, string? grainClassNamePrefix = null) where TGrainInterface : IGrainWithIntegerCompoundKey => throw Unsupported();

    public TGrainObserverInterface CreateObjectReference<TGrainObserverInterface>(IGrainObserver obj) where TGrainObserverInterface : IGrainObserver => throw Unsupported();

    public void DeleteObjectReference<TGrainObserverInterface>(IGrainObserver obj) where TGrainObserverInterface : IGrainObserver => throw Unsupported();

    public IGrain GetGrain(Type grainInterfaceType, Guid grainPrimaryKey) => throw Unsupported();

    public IGrain GetGrain(Type grainInterfaceType, long grainPrimaryKey) => throw Unsupported();

    public IGrain GetGrain(Type grainInterfaceType, string grainPrimaryKey) => throw Unsupported();

    public IGrain GetGrain(Type grainInterfaceType, Guid grainPrimaryKey, string keyExtension) => throw Unsupported();

    public IGrain GetGrain(Type grainInterfaceType, long grainPrimaryKey, string keyExtension) => throw Unsupported();

    public TGrainInterface GetGrain<TGrainInterface>(GrainId grainId) where TGrainInterface : IAddressable => throw Unsupported();

    public IAddressable GetGrain(GrainId grainId) => throw Unsupported();

    public IAddressable GetGrain(GrainId grainId, GrainInterfaceType interfaceType) => throw Unsupported();

    public IAddressable GetGrain(Type interfaceType, IdSpan grainKey, string grainClassNamePrefix) => throw Unsupported();

    public IAddressable GetGrain(Type interfaceType, IdSpan grainKey) => throw Unsupported();

    public RecordingStudentGrain Student(string studentId) => students.GetOrAdd(studentId, id => new RecordingStudentGrain(id, this));

    public int AppliedEventCount => students.Values.Sum(student => student.Applied.Count);

    public int DuplicateDeliveryCount => students.Values.Sum(student => student.DuplicateDeliveries);

    internal void CallStarted()
    {
        var now = Interlocked.Increment(ref concurrentCalls);
        for (var seen = Volatile.Read(ref maxConcurrentCalls); now > seen; seen = Volatile.Read(ref maxConcurrentCalls))
        {
            Interlocked.CompareExchange(ref maxConcurrentCalls, now, seen);
        }
    }

    internal void CallEnded() => Interlocked.Decrement(ref concurrentCalls);

    private static NotSupportedException Unsupported() => new($"Only {nameof(IStudentMasteryGrain)} by string key is recorded.");
}
