using System.Collections.Concurrent;
using MasteryEngine.Grains;
using MasteryEngine.Runtime;

namespace MasteryEngine.Kafka.Tests;

/// <summary>
/// Stands in for the silo while the consumer is tested on its own: hands out <see cref="RecordingStudentGrain"/>s
/// that apply each event id once (as the real grain does) and remember what happened.
/// </summary>
internal sealed class RecordingGrainFactory : IGrainFactory
{
    private readonly ConcurrentDictionary<string, RecordingStudentGrain> students = new(StringComparer.Ordinal);

    /// <summary>Decides, per call, whether the grain throws: gets the event and how many times it was delivered before.</summary>
    public Func<LearningEvent, int, Exception?> Failures { get; set; } = (_, _) => null;

    /// <summary>Pause inside each call, to keep work in flight (e.g. while a consumer is killed).</summary>
    public TimeSpan CallDelay { get; set; } = TimeSpan.Zero;

    public TGrainInterface GetGrain<TGrainInterface>(string key) where TGrainInterface : IGrainWithStringKey
    {
        if (typeof(TGrainInterface) != typeof(IStudentMasteryGrain))
        {
            throw new NotSupportedException($"Only {nameof(IStudentMasteryGrain)} is recorded.");
        }

        return (TGrainInterface)(object)Student(key);
    }

    public RecordingStudentGrain Student(string studentId) => students.GetOrAdd(studentId, id => new RecordingStudentGrain(id, this));

    public int AppliedEventCount => students.Values.Sum(student => student.Applied.Count);

    public int DuplicateDeliveryCount => students.Values.Sum(student => student.DuplicateDeliveries);
}
