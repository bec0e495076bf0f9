using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using MasteryEngine.Gateway.Apis;
using MasteryEngine.Gateway.Options;
using MasteryEngine.Gateway.Security;
using MasteryEngine.Grains.Domain.Learning.Calibration;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;

namespace MasteryEngine.Bench;

/// <summary>
/// Replays students of a response log through <c>POST /mastery/ingest?wait=true</c> of a gateway on Kestrel
/// (loopback), as a tutor would: each student's answers one after the other, in the log's order, students in
/// parallel; keeps the <c>predicted_correct</c> each answer was given. Rows without a time (the public logs
/// carry 0) are sent without a timestamp, so the service stamps them with its clock.
/// </summary>
public static class HttpAnswerReplay
{
    private const string Secret = "bench-secret-bench-secret-bench-secret!";

    /// <param name="students">Row ranges, one per student: [Start, End).</param>
    /// <param name="parameters">The parameter file the gateway loads (<c>LEARNER_MODEL_PARAMETERS</c>); empty for the defaults.</param>
    public static async Task<HttpReplayOutcome> RunAsync(ResponseLog log, IReadOnlyList<(int Start, int End)> students, int concurrency, string parameters)
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var token = new TokenIssuer(new JwtOptions { Secret = Secret }, TimeProvider.System)
            .Issue("bench_admin", [MasteryRoles.Admin], [], TimeSpan.FromHours(1));
        await using var factory = new WebApplicationFactory<MasteryServices>().WithWebHostBuilder(builder => builder
            .UseSolutionRelativeContentRoot("Gateway", "MasteryEngine.Orleans.sln")
            .UseEnvironment("Production")
            .UseSetting("JWT_SECRET", Secret)
            .UseSetting("RATE_LIMIT_ENABLED", "false")
            .UseSetting("LOG_LEVEL", "WARNING")
            .UseSetting("LEARNER_MODEL_PARAMETERS", parameters)
            .UseSetting("urls", "http://127.0.0.1:0"));
        factory.UseKestrel();
        factory.StartServer();
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);

        var offsets = new int[students.Count + 1];
        for (var i = 0; i < students.Count; i++)
        {
            offsets[i + 1] = offsets[i] + students[i].End - students[i].Start;
        }

        var predicted = new double[offsets[^1]];
        var observed = new double[offsets[^1]];
        var recorder = new LatencyRecorder();
        var failures = new System.Collections.Concurrent.ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var next = -1;
        var wall = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int s;
            while ((s = Interlocked.Increment(ref next)) < students.Count)
            {
                var (start, end) = students[s];
                for (var row = start; row < end; row++)
                {
                    var started = Stopwatch.GetTimestamp();
                    using var response = await client.PostAsync("/api/v1/mastery/ingest?wait=true", new StringContent(Body(log, row, run), Encoding.UTF8, "application/json"));
                    recorder.Record(started);
                    var index = offsets[s] + row - start;
                    observed[index] = log.Scores[row];
                    if (response.StatusCode != HttpStatusCode.OK)
                    {
                        failures.AddOrUpdate(await FailureAsync(response), 1, (_, count) => count + 1);
                        predicted[index] = 0.5;
                        continue;
                    }

                    using var result = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
                    predicted[index] = result.RootElement.GetProperty("data").GetProperty("predicted_correct").GetDouble();
                }
            }
        }));
        wall.Stop();
        return new HttpReplayOutcome(predicted, observed, recorder.Summarize("answers", wall.Elapsed), failures.Values.Sum(), wall.Elapsed,
            string.Join("; ", failures.OrderByDescending(f => f.Value).Select(f => $"{f.Value} × {f.Key}")));
    }

    /// <summary>A failed answer's status and problem title, so a replay says what went wrong.</summary>
    private static async Task<string> FailureAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        var title = "";
        try
        {
            using var problem = JsonDocument.Parse(text);
            title = problem.RootElement.TryGetProperty("title", out var t) ? t.GetString() ?? "" : "";
        }
        catch (JsonException)
        {
            title = text.Length > 80 ? text[..80] : text;
        }

        return $"{(int)response.StatusCode} {title}".TrimEnd();
    }

    /// <summary>Row ranges of the log's first students, up to <paramref name="rows"/> rows in all.</summary>
    public static List<(int Start, int End)> FirstRows(ResponseLog log, int rows)
    {
        var students = new List<(int Start, int End)>();
        for (var s = 0; s < log.StudentCount && (students.Count == 0 || students[^1].End < rows); s++)
        {
            students.Add((log.StudentStarts[s], Math.Min(log.StudentStarts[s + 1], rows)));
        }

        return students;
    }

    private static string Body(ResponseLog log, int row, string run)
    {
        var timestamp = log.Times[row] > DateTimeOffset.UnixEpoch
            ? $"\"timestamp\":\"{log.Times[row].ToString("O", System.Globalization.CultureInfo.InvariantCulture)}\","
            : "";
        return $$"""
            {"event_type":"answer","student_id":"replay_{{run}}_{{log.StudentIds[log.Students[row]]}}","event_id":"r{{row}}",{{timestamp}}"topic":"{{log.TopicIds[log.Topics[row]]}}","data":{"item_id":"{{log.ItemIds[log.Items[row]]}}","correct":{{(log.Scores[row] >= 0.5 ? "true" : "false")}}} }
            """;
    }
}

/// <summary>What a replay returned: per answer, the <c>predicted_correct</c> (0.5 for a failed request) and the observed score.</summary>
public sealed record HttpReplayOutcome(double[] Predicted, double[] Observed, string Latency, int Failures, TimeSpan Wall, string FailureKinds);
