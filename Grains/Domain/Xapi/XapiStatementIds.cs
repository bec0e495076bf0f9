using System.Security.Cryptography;
using System.Text;

namespace MasteryEngine.Grains.Domain.Xapi;

/// <summary>
/// Statement ids derived from what the statement is about, so the same fact always gets the same id and an
/// LRS or consumer that receives it twice (a republished outbox, a replayed log) keeps one copy: an RFC 9562
/// version 8 UUID made of the first 122 bits of SHA-256 over the name.
/// </summary>
public static class XapiStatementIds
{
    /// <summary>The id of the <c>mastered</c> statement caused by the answer <paramref name="eventId"/>.</summary>
    public static Guid Mastered(string studentId, string topic, string eventId) =>
        Of($"mastered\n{studentId}\n{topic}\n{eventId}");

    public static Guid Of(string name)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(name), hash);
        var bytes = hash[..16];
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }
}
