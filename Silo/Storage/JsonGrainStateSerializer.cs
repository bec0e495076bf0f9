using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using MasteryEngine.Runtime.Storage;

namespace MasteryEngine.Silo.Storage;

/// <summary>
/// Grain state as snake_case JSON. Type metadata comes first from the <see cref="IJsonTypeInfoResolver"/>s
/// registered in DI (the Grains project registers its source-generated state context there, keeping
/// reflection off the hot path), then from reflection for any other state type (test grains, new states).
/// </summary>
public sealed class JsonGrainStateSerializer : IGrainStateSerializer
{
    private readonly JsonSerializerOptions options;

    public JsonGrainStateSerializer(IEnumerable<IJsonTypeInfoResolver> resolvers)
    {
        options = new JsonSerializerOptions(JsonSerializerDefaults.General)
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            DictionaryKeyPolicy = JsonNamingPolicy.SnakeCaseLower,
            TypeInfoResolver = JsonTypeInfoResolver.Combine([.. resolvers, new DefaultJsonTypeInfoResolver()]),
        };
        options.MakeReadOnly();
    }

    public byte[] Serialize<T>(T state) => JsonSerializer.SerializeToUtf8Bytes(state, TypeInfo<T>());

    public T Deserialize<T>(ReadOnlySpan<byte> data) =>
        JsonSerializer.Deserialize(data, TypeInfo<T>())
        ?? throw new JsonException($"Stored {typeof(T).Name} state is JSON null.");

    private JsonTypeInfo<T> TypeInfo<T>() => (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));
}
