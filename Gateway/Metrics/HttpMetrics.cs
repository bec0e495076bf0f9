using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.AspNetCore.Http;

namespace MasteryEngine.Gateway.Metrics;

/// <summary>
/// HTTP server instruments (meter <c>MasteryEngine.Http</c>), labelled by the endpoint's route template so a
/// student id in the path never becomes a label value.
/// </summary>
public sealed class HttpMetrics
{
    public const string MeterName = "MasteryEngine.Http";
    public const string UnmatchedRoute = "unmatched";
    private const string OtherMethod = "_OTHER";

    /// <summary>Instrument names; the Prometheus exporter appends <c>_total</c> to counters and the unit to the rest.</summary>
    public const string RequestsInstrument = "http_requests";
    public const string DurationInstrument = "http_request_duration";
    public const string ActiveInstrument = "http_requests_active";

    private static readonly string[] StatusTexts = [.. Enumerable.Range(0, 600).Select(code => code.ToString(System.Globalization.CultureInfo.InvariantCulture))];

    private readonly Counter<long> requests;
    private readonly Histogram<double> duration;
    private readonly UpDownCounter<long> active;

    public HttpMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        requests = meter.CreateCounter<long>(RequestsInstrument, description: "HTTP requests answered, by method, route template and status code.");
        duration = meter.CreateHistogram<double>(DurationInstrument, unit: "s", description: "HTTP request duration in seconds, by method and route template.");
        active = meter.CreateUpDownCounter<long>(ActiveInstrument, description: "HTTP requests being processed now.");
        // Zero until the first request, so a fresh process already shows the gauge.
        active.Add(0);
    }

    public void RequestStarted() => active.Add(1);

    /// <summary>A route's series at zero before its first request, so the error-rate and traffic queries match from the first scrape.</summary>
    public void SeedRoute(string method, string route, IEnumerable<int> statusCodes)
    {
        foreach (var statusCode in statusCodes)
        {
            requests.Add(0, new TagList { { "method", Canonical(method) }, { "route", route }, { "status", StatusText(statusCode) } });
        }
    }

    /// <summary>The duration histogram's labels for a route, as <see cref="RequestFinished"/> sets them.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> DurationLabels(string method, string route) =>
        [new("method", Canonical(method)), new("route", route)];

    public void RequestFinished(string method, string route, int statusCode, TimeSpan elapsed)
    {
        active.Add(-1);
        var tags = new TagList { { "method", Canonical(method) }, { "route", route } };
        duration.Record(elapsed.TotalSeconds, tags);
        tags.Add("status", StatusText(statusCode));
        requests.Add(1, tags);
    }

    private static string StatusText(int statusCode) => statusCode is >= 0 and < 600 ? StatusTexts[statusCode] : StatusTexts[0];

    /// <summary>Known methods keep their name; anything else is one label value, so clients cannot mint series.</summary>
    private static string Canonical(string method)
    {
        var canonical = HttpMethods.GetCanonicalizedValue(method);
        return HttpMethods.IsGet(canonical) || HttpMethods.IsPost(canonical) || HttpMethods.IsPut(canonical)
            || HttpMethods.IsDelete(canonical) || HttpMethods.IsPatch(canonical) || HttpMethods.IsHead(canonical)
            || HttpMethods.IsOptions(canonical)
            ? canonical
            : OtherMethod;
    }
}
