using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;

namespace MasteryEngine.Gateway.Observability;

/// <summary>
/// One flat JSON object per line, as the seeds' example: <c>timestamp</c>, <c>level</c> (Python names), the
/// scope's fields (<c>correlation_id</c>, <c>trace_id</c>), the message template's fields (<c>endpoint</c>,
/// <c>student_id</c>, <c>duration_ms</c>, <c>status_code</c>, ...), <c>message</c>, <c>logger</c> and
/// <c>exception</c>. The built-in JSON formatter nests state and scopes, which log queries for the seeds'
/// field names would not find.
/// </summary>
internal sealed class JsonLogFormatter(TimeProvider timeProvider) : ConsoleFormatter(FormatterName)
{
    public const string FormatterName = "mastery-json";
    private const string OriginalFormatKey = "{OriginalFormat}";

    public override void Write<TState>(in LogEntry<TState> logEntry, IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        var message = logEntry.Formatter(logEntry.State, logEntry.Exception);
        if (message is null && logEntry.Exception is null)
        {
            return;
        }

        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            var written = new List<string>(12) { "timestamp", "level", "message", "logger", "exception" };
            writer.WriteStartObject();
            writer.WriteString("timestamp", timeProvider.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
            writer.WriteString("level", LogLevelNames.ToPythonName(logEntry.LogLevel));
            scopeProvider?.ForEachScope(static (scope, state) =>
            {
                if (scope is IEnumerable<KeyValuePair<string, object?>> fields)
                {
                    WriteFields(state.writer, fields, state.written);
                }
            }, (writer, written));
            if (logEntry.State is IEnumerable<KeyValuePair<string, object?>> stateFields)
            {
                WriteFields(writer, stateFields, written);
            }

            writer.WriteString("message", LogRedaction.Redact(message ?? ""));
            writer.WriteString("logger", logEntry.Category);
            if (logEntry.Exception is { } exception)
            {
                writer.WriteString("exception", LogRedaction.Redact(exception.ToString()));
            }

            writer.WriteEndObject();
        }

        textWriter.Write(Encoding.UTF8.GetString(buffer.WrittenSpan));
        textWriter.Write('\n');
    }

    private static void WriteFields(Utf8JsonWriter writer, IEnumerable<KeyValuePair<string, object?>> fields, List<string> written)
    {
        foreach (var (key, value) in fields)
        {
            if (key == OriginalFormatKey || written.Contains(key))
            {
                continue;
            }

            written.Add(key);
            if (LogRedaction.IsSensitiveField(key))
            {
                writer.WriteString(key, LogRedaction.Mask);
                continue;
            }

            switch (value)
            {
                case null:
                    writer.WriteNull(key);
                    break;
                case bool flag:
                    writer.WriteBoolean(key, flag);
                    break;
                case int or long or short or byte or uint or ushort or sbyte:
                    writer.WriteNumber(key, Convert.ToInt64(value, CultureInfo.InvariantCulture));
                    break;
                case double number when double.IsFinite(number):
                    writer.WriteNumber(key, number);
                    break;
                case float number when float.IsFinite(number):
                    writer.WriteNumber(key, number);
                    break;
                case decimal number:
                    writer.WriteNumber(key, number);
                    break;
                case DateTimeOffset moment:
                    writer.WriteString(key, moment);
                    break;
                case DateTime moment:
                    writer.WriteString(key, moment);
                    break;
                default:
                    writer.WriteString(key, LogRedaction.Redact(Convert.ToString(value, CultureInfo.InvariantCulture) ?? ""));
                    break;
            }
        }
    }
}
