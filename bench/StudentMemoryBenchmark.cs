using System.Diagnostics;
using System.Globalization;
using MasteryEngine.Grains;
using MasteryEngine.Silo.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Providers;
using Orleans.Runtime;
using Orleans.Storage;

namespace MasteryEngine.Bench;

/// <summary>
/// Resident memory of real student grains with a week of history: N students each get one calculation per day
/// for 7 days (a clock the bench moves), then the GC heap growth is divided by N. Memory storage is used, so the
/// growth includes each student's serialized record as well as its activation; the record's size is measured and
/// taken off to estimate the resident grain alone (in production the record lives in Redis).
/// Options: --students N (default 100000).
/// </summary>
public static class StudentMemoryBenchmark
{
    private const int Days = 7;

    public static async Task<int> RunAsync(string[] args)
    {
        var students = BenchArguments.Count(args, "--students", 100_000);
        var clock = new SteppedClock(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddSingleton<TimeProvider>(clock);
        builder.UseOrleans(silo => silo.AddMasteryEngineSilo(builder.Configuration, useRedis: false, useKafka: false));
        using var host = builder.Build();
        await host.StartAsync();
        var grains = host.Services.GetRequiredService<IGrainFactory>();
        Console.WriteLine($"student-memory: {students:N0} student grains, one calculation a day for {Days} days");

        var before = GC.GetTotalMemory(forceFullCollection: true);
        var stopwatch = Stopwatch.StartNew();
        for (var day = 0; day < Days; day++)
        {
            await CalculateEveryStudentAsync(grains, students, day);
            clock.Advance(TimeSpan.FromDays(1));
        }

        stopwatch.Stop();
        var after = GC.GetTotalMemory(forceFullCollection: true);
        var perStudent = (after - before) / (double)students;
        var history = await grains.GetGrain<IStudentMasteryGrain>(StudentId(0)).GetHistoryAsync(Days + 1);
        Console.WriteLine($"  {students * Days:N0} calculations in {stopwatch.Elapsed.TotalSeconds:F1} s; snapshots per student {history.Snapshots.Count}");
        var record = await StoredRecordBytesAsync(host.Services, StudentId(0));
        var resident = perStudent - record;
        Console.WriteLine($"  GC heap +{(after - before) / (1024.0 * 1024):F0} MiB = {perStudent:F0} bytes per student (activation + state + stored record)");
        Console.WriteLine($"  stored record {record} bytes; resident grain ≈ {resident:F0} bytes; 1,000,000 resident students ≈ {resident * 1_000_000 / (1024.0 * 1024 * 1024):F2} GiB");
        await host.StopAsync();
        return 0;
    }

    private static async Task CalculateEveryStudentAsync(IGrainFactory grains, int students, int day)
    {
        const int batch = 1000;
        for (var start = 0; start < students; start += batch)
        {
            await Task.WhenAll(Enumerable.Range(start, Math.Min(batch, students - start)).Select(i =>
            {
                var score = ((i + day * 7) % 100) / 100.0;
                return grains.GetGrain<IStudentMasteryGrain>(StudentId(i)).CalculateAsync(new ComponentScores(score, 1 - score, score, 0.5));
            }));
        }
    }

    private static async Task<int> StoredRecordBytesAsync(IServiceProvider services, string studentId)
    {
        var storage = services.GetRequiredKeyedService<IGrainStorage>(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME);
        var stored = new GrainState<StudentMasteryState>();
        await storage.ReadStateAsync("mastery", GrainId.Create("student", studentId), stored);
        return services.GetRequiredService<IGrainStorageSerializer>().Serialize(stored.State).ToMemory().Length;
    }

    private static string StudentId(int i) => "student_" + i.ToString(CultureInfo.InvariantCulture);

    /// <summary>A clock that only the bench moves, so a week of daily snapshots takes seconds.</summary>
    private sealed class SteppedClock(DateTimeOffset start) : TimeProvider
    {
        private long ticks = start.UtcTicks;

        public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref ticks), TimeSpan.Zero);

        public void Advance(TimeSpan by) => Interlocked.Add(ref ticks, by.Ticks);
    }
}
