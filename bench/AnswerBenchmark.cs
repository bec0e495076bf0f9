using System.Globalization;
using System.Text.Json;
using MasteryEngine.Grains;
using MasteryEngine.Grains.Domain.Learning.Calibration;
using Microsoft.Extensions.DependencyInjection;

namespace MasteryEngine.Bench;

/// <summary>
/// What an answer costs. Through the grain (one co-hosted silo, memory storage): quiz events (the baseline)
/// and answer events over many students and items, then answers that all land on a few hot items. Over HTTP
/// (Kestrel on loopback): a replay of a response log through <c>POST /mastery/ingest?wait=true</c>, each
/// student's answers in order, students in parallel, with the AUC of the <c>predicted_correct</c> the service
/// returned. <code>dotnet run -c Release --project bench -- answers [--seconds 5] [--callers 64] [--keys 10000]
/// [--responses FILE] [--answers 60000] [--concurrency 32] [--parameters params.json]</code>
/// </summary>
public static class AnswerBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        await RunGrainAsync(args);
        var responses = BenchArguments.Text(args, "--responses", "");
        if (responses.Length > 0)
        {
            await RunHttpReplayAsync(args, responses);
        }

        return 0;
    }

    private static async Task RunGrainAsync(string[] args)
    {
        var seconds = BenchArguments.Count(args, "--seconds", 5);
        var callers = BenchArguments.Count(args, "--callers", 64);
        var keys = BenchArguments.Count(args, "--keys", 10_000);
        using var host = await InMemorySilo.StartAsync();
        var grains = host.Services.GetRequiredService<IGrainFactory>();
        Console.WriteLine($"answers through the grain: {Environment.ProcessorCount} cores, {callers} callers, {keys:N0} students, {seconds} s per phase");
        var students = Enumerable.Range(0, keys).Select(i => grains.GetGrain<IStudentMasteryGrain>(StudentKey(i))).ToArray();
        await Task.WhenAll(students.Select(s => s.HasDataAsync()));
        var duration = TimeSpan.FromSeconds(seconds);
        long sequence = 0;
        Task Apply(int caller, long i, Func<int, long, LearningEvent> create)
        {
            var key = (int)((caller * 7919L + i) % keys);
            return students[key].ApplyEventAsync(create(key, Interlocked.Increment(ref sequence)));
        }

        await ClosedLoopRate.MeasureAsync("warm-up", callers, TimeSpan.FromSeconds(1), (caller, i) => Apply(caller, i, Quiz));
        await ClosedLoopRate.MeasureAsync("quiz events (baseline)", callers, duration, (caller, i) => Apply(caller, i, Quiz));
        await ClosedLoopRate.MeasureAsync("answer events, 5,000 items", callers, duration, (caller, i) => Apply(caller, i, (key, n) => Answer(key, n, (int)(n % 5000))));
        await ClosedLoopRate.MeasureAsync("answer events, 3 hot items", callers, duration, (caller, i) => Apply(caller, i, (key, n) => Answer(key, n, (int)(n % 3))));
        await host.StopAsync();
    }

    private static LearningEvent Quiz(int key, long n) =>
        new(LearningEventTypes.Quiz, StudentKey(key), "q" + n.ToString(CultureInfo.InvariantCulture), DateTimeOffset.UtcNow, "algebra", null,
            JsonElement.Parse($$"""{"score": {{n % 10}}, "max_score": 10}"""));

    private static LearningEvent Answer(int key, long n, int item) =>
        new(LearningEventTypes.Answer, StudentKey(key), "a" + n.ToString(CultureInfo.InvariantCulture), DateTimeOffset.UtcNow, "algebra", null,
            JsonElement.Parse($$"""{"item_id": "item_{{item}}", "correct": {{(n % 3 == 0 ? "false" : "true")}}}"""));

    private static string StudentKey(int i) => "bench_" + i.ToString(CultureInfo.InvariantCulture);

    private static async Task RunHttpReplayAsync(string[] args, string responses)
    {
        var limit = BenchArguments.Count(args, "--answers", 60_000);
        var concurrency = BenchArguments.Count(args, "--concurrency", 32);
        var parameters = BenchArguments.Text(args, "--parameters", "");
        ResponseLog log;
        using (var reader = new StreamReader(responses))
        {
            log = await ResponseLogReader.ReadAsync(reader, CancellationToken.None);
        }

        var students = HttpAnswerReplay.FirstRows(log, limit);
        var outcome = await HttpAnswerReplay.RunAsync(log, students, concurrency, parameters);
        var metrics = PredictionMetrics.Of(outcome.Predicted, outcome.Observed);
        Console.WriteLine($"http replay of {Path.GetFileName(responses)} with wait=true ({(parameters.Length > 0 ? "calibrated " + Path.GetFileName(parameters) : "default parameters")}), {students.Count:N0} students, concurrency {concurrency}:");
        Console.WriteLine($"  {outcome.Latency}; failures {outcome.Failures}{(outcome.Failures > 0 ? " (" + outcome.FailureKinds + ")" : "")}");
        Console.WriteLine($"  predicted_correct as returned: AUC {metrics.Auc:F4}, RMSE {metrics.Rmse:F4}, log-loss {metrics.LogLoss:F4}, ECE {metrics.CalibrationError:F4}");
    }
}
