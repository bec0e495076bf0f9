namespace MasteryEngine.Silo.Observability;

/// <summary>
/// Which incoming <c>X-Request-ID</c> values are kept, from HTTP requests and from consumed Kafka messages alike.
/// The id ends up in logs, response headers and Kafka headers, so only short ids of a safe character set pass;
/// anything else is replaced by a fresh one.
/// </summary>
public static class RequestIdPolicy
{
    public const int MaxLength = 128;

    public static bool IsAcceptable(string? requestId)
    {
        if (string.IsNullOrEmpty(requestId) || requestId.Length > MaxLength)
        {
            return false;
        }

        foreach (var c in requestId)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('-' or '_' or '.' or ':' or '+' or '/' or '=' or '@' or '~'))
            {
                return false;
            }
        }

        return true;
    }

    public static string NewId() => Guid.NewGuid().ToString();
}
