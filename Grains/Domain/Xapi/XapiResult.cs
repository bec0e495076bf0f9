using System.Text.Json;
using System.Xml;

namespace MasteryEngine.Grains.Domain.Xapi;

/// <summary>The result fields the mapping reads, checked against 1.0.3 Part Two §2.4.5.</summary>
internal sealed record XapiResult(bool? Success, double? Scaled, double? RawShare, TimeSpan? Duration, int? ProgressPercent)
{
    private const string Rule = "xAPI 1.0.3 Part Two §2.4.5: result";

    public static XapiResult Of(JsonElement statement)
    {
        if (!statement.TryGetProperty("result", out var result))
        {
            return new XapiResult(null, null, null, null, null);
        }

        if (result.ValueKind != JsonValueKind.Object)
        {
            throw new XapiRuleViolation(Rule, "result must be an object.");
        }

        var success = Boolean(result, "success");
        Boolean(result, "completion");
        var (scaled, rawShare) = Score(result);
        return new XapiResult(success, scaled, rawShare, ReadDuration(result), ReadProgress(result));
    }

    private static bool? Boolean(JsonElement result, string name) =>
        !result.TryGetProperty(name, out var element) ? null
        : element.ValueKind is JsonValueKind.True or JsonValueKind.False ? element.GetBoolean()
        : throw new XapiRuleViolation(Rule, $"result.{name} must be true or false.");

    private static (double? Scaled, double? RawShare) Score(JsonElement result)
    {
        if (!result.TryGetProperty("score", out var score))
        {
            return (null, null);
        }

        if (score.ValueKind != JsonValueKind.Object)
        {
            throw new XapiRuleViolation(Rule, "result.score must be an object.");
        }

        var scaled = Number(score, "scaled");
        if (scaled is < -1 or > 1)
        {
            throw new XapiRuleViolation(Rule, "result.score.scaled must be between -1 and 1.");
        }

        var (raw, min, max) = (Number(score, "raw"), Number(score, "min"), Number(score, "max"));
        if (min > max || raw < min || raw > max)
        {
            throw new XapiRuleViolation(Rule, "result.score must have min ≤ raw ≤ max.");
        }

        var rawShare = raw is { } r && min is { } lo && max is { } hi && hi > lo ? (r - lo) / (hi - lo) : (double?)null;
        return (scaled, rawShare);
    }

    private static double? Number(JsonElement score, string name) =>
        !score.TryGetProperty(name, out var element) ? null
        : element.ValueKind == JsonValueKind.Number && element.TryGetDouble(out var value) && double.IsFinite(value) ? value
        : throw new XapiRuleViolation(Rule, $"result.score.{name} must be a number.");

    private static TimeSpan? ReadDuration(JsonElement result)
    {
        if (!result.TryGetProperty("duration", out var duration))
        {
            return null;
        }

        try
        {
            return duration.ValueKind == JsonValueKind.String ? XmlConvert.ToTimeSpan(duration.GetString()!) : throw new FormatException();
        }
        catch (Exception exception) when (exception is FormatException or OverflowException)
        {
            throw new XapiRuleViolation(Rule, "result.duration must be an ISO 8601 duration (e.g. PT12.5S).");
        }
    }

    private static int? ReadProgress(JsonElement result)
    {
        if (!result.TryGetProperty("extensions", out var extensions) || extensions.ValueKind != JsonValueKind.Object
            || !extensions.TryGetProperty(XapiVerbs.ProgressExtension, out var progress))
        {
            return null;
        }

        return progress.ValueKind == JsonValueKind.Number && progress.TryGetInt32(out var percent) && percent is >= 0 and <= 100
            ? percent
            : throw new XapiRuleViolation("cmi5 §9.6.3.3: progress", "The progress extension must be a whole number from 0 to 100.");
    }
}
