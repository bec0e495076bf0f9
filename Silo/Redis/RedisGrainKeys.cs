using MasteryEngine.Runtime;

namespace MasteryEngine.Silo.Redis;

/// <summary>
/// Key names, in the seeds' patterns. Every key of one grain carries the grain key as its hash tag
/// (<c>{student_12345}</c>), so a grain's keys share one Redis Cluster slot and one Lua script may touch them
/// all. A grain's states live in one hash, <c>student:{student_12345}:state</c>, with the fields
/// <c>etag:NAME</c> and <c>data:NAME</c> per state name (<c>redis-cli HGET student:{student_12345}:state data:mastery</c>);
/// readable records sit beside it, e.g. <c>student:{student_12345}:mastery:2026-11-22</c>.
/// </summary>
public static class RedisGrainKeys
{
    public static string State(string prefix, GrainId grainId) => $"{GrainScope(prefix, grainId)}:state";

    /// <summary>A readable record beside the state: <c>student:{student_12345}:mastery:2026-11-22</c>.</summary>
    public static string Record(string prefix, GrainId grainId, string recordName) =>
        recordName.Contains('{', StringComparison.Ordinal) || recordName.Contains('}', StringComparison.Ordinal)
            ? throw new ArgumentException($"Record name '{recordName}' must not contain braces: they would change the key's hash tag.", nameof(recordName))
            : $"{GrainScope(prefix, grainId)}:{recordName}";

    /// <summary>The part every key of the grain starts with: <c>{prefix}{type}:{{key}}</c>.</summary>
    public static string GrainScope(string prefix, GrainId grainId) => $"{prefix}{grainId.Type}:{{{grainId.Key}}}";
}
