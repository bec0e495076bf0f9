namespace MasteryEngine.ServiceDefaults.Observability;

/// <summary>
/// Reads <c>LOG_LEVEL</c> as the seeds write it (Python names: DEBUG, INFO, WARNING, ERROR, CRITICAL) or as .NET
/// names (Trace, Debug, Information, Warning, Error, Critical, None), case-insensitively; and names levels the
/// Python way in JSON logs.
/// </summary>
public static class LogLevelNames
{
    public static bool TryParse(string? text, out LogLevel level)
    {
        level = LogLevel.Information;
        var name = text?.Trim();
        if (string.IsNullOrEmpty(name) || !name.All(char.IsAsciiLetter))
        {
            return false;
        }

        switch (name.ToUpperInvariant())
        {
            case "INFO":
                level = LogLevel.Information;
                return true;
            case "WARN":
                level = LogLevel.Warning;
                return true;
            case "FATAL":
                level = LogLevel.Critical;
                return true;
            default:
                return Enum.TryParse(name, ignoreCase: true, out level);
        }
    }

    public static string ToPythonName(LogLevel level) => level switch
    {
        LogLevel.Trace => "TRACE",
        LogLevel.Debug => "DEBUG",
        LogLevel.Information => "INFO",
        LogLevel.Warning => "WARNING",
        LogLevel.Error => "ERROR",
        LogLevel.Critical => "CRITICAL",
        _ => "NONE",
    };
}
