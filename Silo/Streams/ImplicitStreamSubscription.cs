using MasteryEngine.Runtime.Streams;

namespace MasteryEngine.Silo.Streams;

/// <summary>
/// Every item published to a stream of <paramref name="Namespace"/> is handed to <paramref name="Handler"/>
/// (Orleans' implicit subscription: typically "call the grain whose key is the stream key").
/// Registered in DI by <c>SiloBuilder.AddStreamSubscription</c>.
/// </summary>
public sealed record ImplicitStreamSubscription(
    string Namespace,
    Type ItemType,
    Func<IGrainFactory, StreamId, object, CancellationToken, Task> Handler);
