namespace MasteryEngine.Gateway.Options;

/// <summary>Reads <c>LOG_LEVEL</c>, which the seeds write in Python's spelling.</summary>
public static class LogLevelVariable
{
    public static LogLevel Parse(string value) => value.Trim().ToUpperInvariant() switch
    {
        "TRACE" => LogLevel.Trace,
        "DEBUG" => LogLevel.Debug,
        "INFO" or "INFORMATION" => LogLevel.Information,
        "WARN" or "WARNING" => LogLevel.Warning,
        "ERROR" => LogLevel.Error,
        "CRITICAL" or "FATAL" => LogLevel.Critical,
        "NONE" => LogLevel.None,
        _ => throw new InvalidOperationException(
            "LOG_LEVEL must be one of TRACE, DEBUG, INFO, WARNING, ERROR, CRITICAL, NONE; it is '" + value + "'."),
    };
}
