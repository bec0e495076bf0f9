using MasteryEngine.Bench;

// Each scenario is one class under bench/ with a static RunAsync(string[] args); add yours to this table.
var scenarios = new Dictionary<string, Func<string[], Task<int>>>(StringComparer.OrdinalIgnoreCase)
{
    ["http"] = HttpApiBenchmark.RunAsync,
    ["grain-calls"] = GrainCallBenchmark.RunAsync,
    ["answers"] = AnswerBenchmark.RunAsync,
    ["learner-replay"] = LearnerReplayBenchmark.RunAsync,
    ["kafka-pipeline"] = KafkaPipelineBenchmark.RunAsync,
    ["student-memory"] = StudentMemoryBenchmark.RunAsync,
    ["redis-storage"] = RedisStorageBenchmark.RunAsync,
    ["audit-append"] = AuditAppendBenchmark.RunAsync,
};

if (args.Length == 0 || !scenarios.TryGetValue(args[0], out var run))
{
    Console.Error.WriteLine("usage: dotnet run -c Release --project bench -- <scenario> [options]");
    Console.Error.WriteLine("scenarios: " + string.Join(", ", scenarios.Keys.Order()));
    return 2;
}

return await run(args[1..]);
