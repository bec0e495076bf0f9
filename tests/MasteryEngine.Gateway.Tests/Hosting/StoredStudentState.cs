using System.Text.Json;
using MasteryEngine.Testing;

namespace MasteryEngine.Gateway.Tests.Hosting;

/// <summary>
/// What Redis holds for one student, read with redis-cli (a client nobody here wrote) from the state hash's
/// <c>data</c> field: the overall completion, the completed exercise count and the applied event ids.
/// </summary>
public sealed record StoredStudentState(double Completion, int CompletedExercises, IReadOnlySet<ulong> AppliedEvents)
{
    public static readonly StoredStudentState Missing = new(0, 0, new HashSet<ulong>());

    public static async Task<StoredStudentState> ReadAsync(RedisServerProcess redis, string studentId)
    {
        var json = await redis.CliAsync("HGET", $"student:{{{studentId}}}:state", "data");
        if (json.Length == 0)
        {
            return Missing;
        }

        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var overall = root.GetProperty("overall");
        var applied = root.GetProperty("applied_events").EnumerateArray().Select(e => e.GetProperty("fingerprint").GetUInt64()).ToHashSet();
        return new StoredStudentState(overall.GetProperty("completion").GetDouble(), overall.GetProperty("completed_exercises").GetInt32(), applied);
    }
}
