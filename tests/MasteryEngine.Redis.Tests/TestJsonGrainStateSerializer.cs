using System.Text.Json;
using MasteryEngine.Runtime.Storage;

namespace MasteryEngine.Redis.Tests;

/// <summary>Plain reflection-based JSON, standing in for the runtime's serializer in these tests.</summary>
public sealed class TestJsonGrainStateSerializer : IGrainStateSerializer
{
    public byte[] Serialize<T>(T state) => JsonSerializer.SerializeToUtf8Bytes(state);

    public T Deserialize<T>(ReadOnlySpan<byte> data) => JsonSerializer.Deserialize<T>(data)!;
}
