using System.Buffers.Text;
using System.Text;
using MasteryEngine.Grains;

namespace MasteryEngine.Gateway.Apis;

/// <summary>
/// The audit API's page cursor: opaque to clients (base64url of a versioned position), so the position's form can
/// change without breaking them, and checked on the way back in, so garbage is a 400 and not a Redis error.
/// </summary>
public static class AuditLogCursor
{
    private const string Version = "a1:";

    /// <summary>Long enough for any cursor this API gives out; longer input is not decoded at all.</summary>
    private const int MaxLength = 96;

    public static string Encode(ComplianceAuditPosition position) =>
        Base64Url.EncodeToString(Encoding.ASCII.GetBytes(Version + position));

    public static bool TryDecode(string text, out ComplianceAuditPosition position)
    {
        position = default;
        if (text.Length is 0 or > MaxLength || !Base64Url.IsValid(text))
        {
            return false;
        }

        var decoded = Encoding.ASCII.GetString(Base64Url.DecodeFromChars(text));
        return decoded.StartsWith(Version, StringComparison.Ordinal)
            && ComplianceAuditPosition.TryParse(decoded[Version.Length..], out position)
            && Encode(position) == text;
    }
}
