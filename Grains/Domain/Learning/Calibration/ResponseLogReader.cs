using System.Globalization;

namespace MasteryEngine.Grains.Domain.Learning.Calibration;

/// <summary>
/// Reads a response log: TSV or CSV (the header's delimiter decides) with columns <c>user_id</c>, <c>item_id</c>,
/// <c>skill_id</c>, <c>correct</c> (0/1, or a score in [0, 1]) and optionally <c>timestamp</c> (Unix seconds or
/// ISO 8601), in any order; other columns are ignored. A student's rows are kept in timestamp order, ties (and
/// logs without times) in file order, as the field's public logs are written.
/// </summary>
public static class ResponseLogReader
{
    private static readonly string[] RequiredColumns = ["user_id", "item_id", "skill_id", "correct"];

    /// <exception cref="ResponseLogFormatException">A missing column or a bad value, with its line number.</exception>
    public static async Task<ResponseLog> ReadAsync(TextReader reader, CancellationToken cancellationToken)
    {
        var header = await reader.ReadLineAsync(cancellationToken) ?? throw new ResponseLogFormatException("The response log is empty.");
        var delimiter = header.Contains('\t', StringComparison.Ordinal) ? '\t' : ',';
        var columns = header.Split(delimiter).Select(c => c.Trim().ToLowerInvariant()).ToArray();
        foreach (var required in RequiredColumns)
        {
            if (!columns.Contains(required))
            {
                throw new ResponseLogFormatException($"Line 1: the header has no '{required}' column (it needs {string.Join(", ", RequiredColumns)}).");
            }
        }

        var user = Array.IndexOf(columns, "user_id");
        var item = Array.IndexOf(columns, "item_id");
        var skill = Array.IndexOf(columns, "skill_id");
        var correct = Array.IndexOf(columns, "correct");
        var timestamp = Array.IndexOf(columns, "timestamp");

        var rows = new List<Row>();
        var students = new IdTable();
        var items = new IdTable();
        var topics = new IdTable();
        var lineNumber = 1;
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            lineNumber++;
            if (line.Length == 0)
            {
                continue;
            }

            var fields = line.Split(delimiter);
            if (fields.Length < columns.Length)
            {
                throw new ResponseLogFormatException($"Line {lineNumber}: {fields.Length} fields, the header has {columns.Length}.");
            }

            rows.Add(new Row(
                students.IndexOf(Id(fields[user], "user_id", lineNumber)),
                items.IndexOf(Id(fields[item], "item_id", lineNumber)),
                topics.IndexOf(Id(fields[skill], "skill_id", lineNumber)),
                Score(fields[correct], lineNumber),
                timestamp < 0 ? DateTimeOffset.UnixEpoch : Time(fields[timestamp], lineNumber),
                rows.Count));
        }

        return Build(rows, students, items, topics);
    }

    private static ResponseLog Build(List<Row> rows, IdTable students, IdTable items, IdTable topics)
    {
        // Stable: by student, then time, then file order.
        rows.Sort(static (a, b) => a.Student != b.Student ? a.Student.CompareTo(b.Student)
            : a.Time != b.Time ? a.Time.CompareTo(b.Time)
            : a.Order.CompareTo(b.Order));
        var starts = new int[students.Count + 1];
        foreach (var row in rows)
        {
            starts[row.Student + 1]++;
        }

        for (var s = 0; s < students.Count; s++)
        {
            starts[s + 1] += starts[s];
        }

        return new ResponseLog
        {
            Students = [.. rows.Select(r => r.Student)],
            Items = [.. rows.Select(r => r.Item)],
            Topics = [.. rows.Select(r => r.Topic)],
            Scores = [.. rows.Select(r => r.Score)],
            Times = [.. rows.Select(r => r.Time)],
            StudentStarts = starts,
            StudentIds = students.Ids,
            ItemIds = items.Ids,
            TopicIds = topics.Ids,
        };
    }

    private static string Id(string field, string column, int line)
    {
        var id = field.Trim();
        return id.Length == 0 ? throw new ResponseLogFormatException($"Line {line}: {column} is empty.") : id;
    }

    private static double Score(string field, int line)
    {
        if (!double.TryParse(field.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var score) || !(score is >= 0 and <= 1))
        {
            throw new ResponseLogFormatException($"Line {line}: correct must be 0, 1 or a score between 0 and 1, not '{field}'.");
        }

        return score;
    }

    private static DateTimeOffset Time(string field, int line)
    {
        var text = field.Trim();
        if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds)
            && seconds >= 0 && seconds <= DateTimeOffset.MaxValue.ToUnixTimeSeconds())
        {
            return DateTimeOffset.FromUnixTimeSeconds(seconds);
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
            ? time
            : throw new ResponseLogFormatException($"Line {line}: timestamp must be Unix seconds or ISO 8601, not '{field}'.");
    }

    private readonly record struct Row(int Student, int Item, int Topic, double Score, DateTimeOffset Time, int Order);

    private sealed class IdTable
    {
        private readonly Dictionary<string, int> indexes = new(StringComparer.Ordinal);
        private readonly List<string> ids = [];

        public int Count => ids.Count;

        public string[] Ids => [.. ids];

        public int IndexOf(string id)
        {
            if (!indexes.TryGetValue(id, out var index))
            {
                index = ids.Count;
                indexes.Add(id, index);
                ids.Add(id);
            }

            return index;
        }
    }
}
