using MasteryEngine.Runtime.Streams;

namespace MasteryEngine.Silo.Streams;

/// <summary>One handler of a stream namespace, implicit (grain) or explicit (an observer such as the gateway).</summary>
internal sealed record StreamSubscriber(string Name, Type ItemType, bool Implicit, Func<StreamId, object, CancellationToken, Task> Handler)
{
    /// <summary>Explicit subscribers see only items of their type; a mistyped item for an implicit one is a publisher bug.</summary>
    public bool Accepts(object item)
    {
        if (ItemType.IsInstanceOfType(item))
        {
            return true;
        }

        if (Implicit)
        {
            throw new ArgumentException($"Stream subscriber '{Name}' handles {ItemType.Name}, but a {item.GetType().Name} was published.", nameof(item));
        }

        return false;
    }
}
