using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace MasteryEngine.Grains.Domain;

/// <summary>
/// A 64-bit fingerprint of an event id (the first 8 bytes of its SHA-256). Storing 8 bytes instead of the id
/// (often a 36-character UUID) keeps hundreds of remembered ids per student affordable; two distinct ids of one
/// student collide with probability about n² / 2⁶⁵, negligible for n ≤ a few thousand.
/// </summary>
public static class EventFingerprint
{
    public static ulong Of(string eventId)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(eventId), hash);
        return BinaryPrimitives.ReadUInt64BigEndian(hash);
    }

    public static string ToHex(ulong fingerprint) => fingerprint.ToString("x16", System.Globalization.CultureInfo.InvariantCulture);
}
