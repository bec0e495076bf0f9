using System.Diagnostics;
using System.Globalization;
using System.Text;
using MasteryEngine.ReviewAgent.Analysis;
using MasteryEngine.ReviewAgent.Options;
using MasteryEngine.ReviewAgent.Scoring;

namespace MasteryEngine.ReviewAgent.Hosting;

/// <summary>
/// <c>bench [--assessments 20] [--concurrency 2]</c>: assesses a 100-line Python program repeatedly, in bubblewrap
/// and, as the baseline of the same run, with limits only (no namespaces), and prints assessments per second and
/// p50/p95 latency of each. Nothing else runs: no host, no network.
/// </summary>
public static class BenchCommand
{
    public static bool IsInvoked(string[] args) => args is ["bench", ..];

    public static async Task<int> RunAsync(string[] args)
    {
        var assessments = Read(args, "--assessments", 20);
        var concurrency = Read(args, "--concurrency", 2);
        var program = HundredLineProgram();
        Console.WriteLine($"program: {program.Split('\n').Length - 1} lines; {assessments} assessments, {concurrency} at a time, {Environment.ProcessorCount} cores");
        // Interleaved, twice each: on a shared machine the load drifts, and a ratio of neighbours is what holds.
        foreach (var isolation in new[] { SandboxIsolation.LimitsOnly, SandboxIsolation.Bubblewrap, SandboxIsolation.LimitsOnly, SandboxIsolation.Bubblewrap })
        {
            var options = new SandboxOptions { Isolation = isolation, MaxConcurrentRuns = Math.Max(4, concurrency * 5), Timeout = TimeSpan.FromMinutes(2) };
            using var runner = new SandboxedProcessRunner(Microsoft.Extensions.Options.Options.Create(options), TimeProvider.System);
            var analyser = new PythonAnalyser(runner, Microsoft.Extensions.Options.Options.Create(options));
            var warm = QualityRubric.Score(await analyser.AnalyseAsync(program, CancellationToken.None));
            var latencies = new List<double>();
            var clock = Stopwatch.StartNew();
            using var gate = new SemaphoreSlim(concurrency);
            await Task.WhenAll(Enumerable.Range(0, assessments).Select(async _ =>
            {
                await gate.WaitAsync();
                try
                {
                    var started = Stopwatch.GetTimestamp();
                    var score = QualityRubric.Score(await analyser.AnalyseAsync(program, CancellationToken.None));
                    if (score.Value != warm.Value)
                    {
                        throw new InvalidOperationException("The same program got two scores.");
                    }

                    lock (latencies)
                    {
                        latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    }
                }
                finally
                {
                    gate.Release();
                }
            }));
            var elapsed = clock.Elapsed.TotalSeconds;
            latencies.Sort();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{isolation,-11} score {warm.Value:0.000}  {assessments / elapsed:0.00} assessments/s  p50 {Percentile(latencies, 0.50):0} ms  p95 {Percentile(latencies, 0.95):0} ms"));
        }

        return 0;
    }

    private static double Percentile(List<double> sorted, double quantile) =>
        sorted[Math.Clamp((int)Math.Ceiling(quantile * sorted.Count) - 1, 0, sorted.Count - 1)];

    private static int Read(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length && int.TryParse(args[index + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : fallback;
    }

    /// <summary>Ten functions of ten lines each: loops, branches, docstrings, a few style slips, as an exercise would have.</summary>
    public static string HundredLineProgram()
    {
        var code = new StringBuilder();
        for (var i = 0; i < 10; i++)
        {
            code.Append(CultureInfo.InvariantCulture, $"def summarise_{i}(values, limit={i + 1}):\n");
            code.Append(CultureInfo.InvariantCulture, $"    \"\"\"Return the count, total and largest value under {i + 1}.\"\"\"\n");
            code.Append("    count, total, largest = 0, 0, None\n");
            code.Append("    for value in values:\n");
            code.Append("        if value is None or value >= limit:\n");
            code.Append("            continue\n");
            code.Append("        count += 1\n");
            code.Append(i % 3 == 0 ? "        total=total+value\n" : "        total += value\n");
            code.Append("        largest = value if largest is None else max(largest, value)\n");
            code.Append("    return count, total, largest\n");
        }

        return code.ToString();
    }
}
