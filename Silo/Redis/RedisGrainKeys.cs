using MasteryEngine.Runtime;

namespace MasteryEngine.Silo.Redis;

/// <summary>
/// Key names. Every key of one grain carries the grain key as its hash tag (<c>{student_12345}</c>), so a grain's
/// keys share one Redis Cluster slot and one Lua script may touch them all; they read as the seeds' patterns:
/// <c>student:{student_12345}:state</c>. A state name other than the default one (<c>state</c>) becomes a
/// suffix: <c>student:{student_12345}:state:profile</c>.
/// </summary>
public static class RedisGrainKeys
{
    public const string DefaultStateName = "state";

    public static string State(string prefix, GrainId grainId, string stateName) =>
        IsDefaultStateName(stateName)
            ? $"{GrainScope(prefix, grainId)}:state"
            : $"{GrainScope(prefix, grainId)}:state:{stateName}";

    /// <summary>A readable record beside the state: <c>student:{student_12345}:mastery:2026-11-22</c>.</summary>
    public static string Record(string prefix, GrainId grainId, string recordName) =>
        recordName.Contains('{', StringComparison.Ordinal) || recordName.Contains('}', StringComparison.Ordinal)
            ? throw new ArgumentException($"Record name '{recordName}' must not contain braces: they would change the key's hash tag.", nameof(recordName))
            : $"{GrainScope(prefix, grainId)}:{recordName}";

    /// <summary>The part every key of the grain starts with: <c>{prefix}{type}:{{key}}</c>.</summary>
    public static string GrainScope(string prefix, GrainId grainId) => $"{prefix}{grainId.Type}:{{{grainId.Key}}}";

    private static bool IsDefaultStateName(string stateName) =>
        string.IsNullOrEmpty(stateName)
        || string.Equals(stateName, DefaultStateName, StringComparison.OrdinalIgnoreCase)
        || string.Equals(stateName, "Default", StringComparison.OrdinalIgnoreCase);
}
