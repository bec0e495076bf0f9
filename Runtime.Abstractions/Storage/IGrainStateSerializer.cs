namespace MasteryEngine.Runtime.Storage;

/// <summary>
/// Turns grain state into bytes and back. Every provider serializes, the in-memory one included, so that a
/// stored record never shares objects with a live activation (a rejected write cannot leak into storage).
/// </summary>
public interface IGrainStateSerializer
{
    byte[] Serialize<T>(T state);

    T Deserialize<T>(ReadOnlySpan<byte> data);
}
