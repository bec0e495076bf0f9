namespace MasteryEngine.Runtime;

/// <summary>
/// The context of the grain being constructed. The runtime (or a test constructing a grain by hand) enters a
/// scope around the constructor call, so that <see cref="Grain"/> needs no constructor parameter of its own,
/// as in Orleans.
/// </summary>
public static class GrainContextScope
{
    [ThreadStatic]
    private static IGrainContext? current;

    internal static IGrainContext? Current => current;

    public static IDisposable Enter(IGrainContext context)
    {
        var previous = current;
        current = context;
        return new Exit(previous);
    }

    private sealed class Exit(IGrainContext? previous) : IDisposable
    {
        public void Dispose() => current = previous;
    }
}
