using System.Security.Cryptography;
using System.Text;

namespace MasteryEngine.Silo.Redis;

/// <summary>
/// Key names in the seeds' operator pattern. The grain key is the key's Redis Cluster hash tag
/// (<c>student:{student_12345}:state</c>), so everything of one grain hashes to one slot. Each grain of the service
/// has one persistent state, so the state name is not part of the key: the key names the grain.
/// </summary>
public static class RedisStorageKeys
{
    public static string State(string prefix, GrainId grainId) => $"{prefix}{grainId.Type}:{{{grainId.Key}}}:state";

    /// <summary>The stream of every GDPR audit record (<see cref="RedisComplianceAuditLog"/>).</summary>
    public static string AuditLog(string prefix) => $"{prefix}audit:{{compliance}}:log";

    /// <summary>
    /// The stream of one student's audit records, in the same slot as <see cref="AuditLog"/>. The key carries a hash of
    /// the student id, not the id: the audit trail outlives an erasure, and after one no key may name the student.
    /// </summary>
    public static string AuditLogOfStudent(string prefix, string studentId) =>
        $"{prefix}audit:{{compliance}}:student:{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(studentId)))}";

    /// <summary>The membership hash of one cluster: <c>{prefix}{ServiceId}/members/{ClusterId}</c>.</summary>
    public static string Membership(string prefix, string serviceId, string clusterId) => $"{prefix}{serviceId}/members/{clusterId}";
}
