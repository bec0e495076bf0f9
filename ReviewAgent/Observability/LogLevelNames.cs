namespace MasteryEngine.ReviewAgent.Observability;

/// <summary>Reads <c>LOG_LEVEL</c> as the runbook writes it (DEBUG, INFO, WARNING, ERROR, CRITICAL) or as .NET level names.</summary>
public static class LogLevelNames
{
    public static bool TryParse(string? text, out LogLevel level)
    {
        level = LogLevel.Information;
        var name = text?.Trim().ToUpperInvariant();
        switch (name)
        {
            case null or "":
                return false;
            case "INFO":
                level = LogLevel.Information;
                return true;
            case "WARN":
                return Set(LogLevel.Warning, out level);
            case "FATAL":
                return Set(LogLevel.Critical, out level);
            default:
                return name.All(char.IsAsciiLetter) && Enum.TryParse(name, ignoreCase: true, out level);
        }
    }

    private static bool Set(LogLevel value, out LogLevel level)
    {
        level = value;
        return true;
    }
}
