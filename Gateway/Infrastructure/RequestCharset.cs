using Microsoft.Net.Http.Headers;

namespace MasteryEngine.Gateway.Infrastructure;

/// <summary>
/// The charset a request body declares in its <c>Content-Type</c>. Bodies are read as UTF-8 only: the
/// framework's own charset handling fails with a 500 on an unknown or quoted charset, and transcoding other
/// charsets would only widen what the parsers must survive.
/// </summary>
public static class RequestCharset
{
    /// <summary>
    /// Null when <paramref name="contentType"/> declares no charset (nothing to change). Otherwise the header to
    /// read the body with (the charset written plainly as <c>utf-8</c>), or "" when the charset is not UTF-8.
    /// </summary>
    public static string? Normalize(string contentType)
    {
        if (!contentType.Contains("charset", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        if (!MediaTypeHeaderValue.TryParse(contentType, out var parsed))
        {
            return "";
        }

        var charset = parsed.Parameters.FirstOrDefault(p => p.Name.Equals("charset", StringComparison.OrdinalIgnoreCase));
        if (charset is null || !charset.Value.HasValue)
        {
            return "";
        }

        var value = HeaderUtilities.RemoveQuotes(charset.Value).Trim();
        if (!value.Equals("utf-8", StringComparison.OrdinalIgnoreCase) && !value.Equals("utf8", StringComparison.OrdinalIgnoreCase))
        {
            return "";
        }

        charset.Value = "utf-8";
        return parsed.ToString();
    }

    public const string UnsupportedDetail =
        "The request body must be UTF-8: send 'Content-Type: application/json' or 'application/json; charset=utf-8'.";
}
