using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using MasteryEngine.Gateway.Apis;
using MasteryEngine.Gateway.Options;
using MasteryEngine.Gateway.Security;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;

namespace MasteryEngine.Bench;

/// <summary>
/// Drives the HTTP API: in process (TestServer, no sockets) and over real HTTP (Kestrel on a random loopback
/// port), with bounded request counts. Prints throughput and p50/p95/p99 for calculate, query and ingest, then
/// a fixed-rate run of calculate (default 1,000 requests/s over HTTP) whose latencies are measured from each
/// request's scheduled send time, so a stall shows up in the percentiles instead of slowing the sender.
/// <code>dotnet run -c Release --project bench -- http [--requests 5000] [--concurrency 16] [--rate 1000] [--seconds 10] [--mode both|inprocess|http|bare]</code>
/// </summary>
public static class HttpApiBenchmark
{
    private const string Secret = "bench-secret-bench-secret-bench-secret!";
    private const int Students = 1000;

    public static async Task<int> RunAsync(string[] args)
    {
        var requests = BenchArguments.Count(args, "--requests", 5000);
        var concurrency = BenchArguments.Count(args, "--concurrency", 16);
        var rate = BenchArguments.Count(args, "--rate", 1000);
        var seconds = BenchArguments.Count(args, "--seconds", 10);
        var mode = BenchArguments.Text(args, "--mode", "both");
        var token = new TokenIssuer(new JwtOptions { Secret = Secret }, TimeProvider.System)
            .Issue("bench_admin", [MasteryRoles.Admin], [], TimeSpan.FromHours(1));
        Console.WriteLine($"requests per operation {requests}, concurrency {concurrency}; fixed rate {rate}/s for {seconds} s");

        if (mode is "both" or "inprocess")
        {
            await using var inProcess = CreateFactory(kestrel: false);
            using var client = inProcess.CreateClient();
            client.DefaultRequestHeaders.Authorization = new("Bearer", token);
            await RunClosedLoopAsync("in-process", client, requests, concurrency);
        }

        if (mode is "both" or "http" or "bare")
        {
            await using var bare = await BareCalculateEndpoint.StartAsync(Secret);
            using var client = new HttpClient { BaseAddress = BareCalculateEndpoint.AddressOf(bare) };
            client.DefaultRequestHeaders.Authorization = new("Bearer", token);
            Console.WriteLine($"bare ASP.NET baseline (same JWT check and JSON) at {client.BaseAddress}");
            await RunAsync(client, Math.Min(requests, Students * 2), concurrency, Calculate, new LatencyRecorder());
            var recorder = new LatencyRecorder();
            var wall = Stopwatch.StartNew();
            var failures = await RunAsync(client, requests, concurrency, Calculate, recorder);
            Console.WriteLine($"bare {recorder.Summarize("calculate", wall.Elapsed)}; failures {failures}");
            await RunFixedRateAsync("bare", client, rate, seconds);
        }

        if (mode is "both" or "http")
        {
            await using var overHttp = CreateFactory(kestrel: true);
            overHttp.StartServer();
            using var client = overHttp.CreateClient();
            client.DefaultRequestHeaders.Authorization = new("Bearer", token);
            Console.WriteLine($"http: Kestrel at {client.BaseAddress}");
            await RunClosedLoopAsync("http", client, requests, concurrency);
            await RunFixedRateAsync("http", client, rate, seconds);
        }

        return 0;
    }

    // Any type of the gateway's assembly names its entry point; the bench has a Program of its own.
    private static WebApplicationFactory<MasteryServices> CreateFactory(bool kestrel)
    {
        var factory = new WebApplicationFactory<MasteryServices>().WithWebHostBuilder(builder => builder
            .UseSolutionRelativeContentRoot("Gateway", "MasteryEngine.Orleans.sln")
            .UseEnvironment("Production")
            .UseSetting("JWT_SECRET", Secret)
            .UseSetting("RATE_LIMIT_ENABLED", "false")
            .UseSetting("LOG_LEVEL", "WARNING")
            .UseSetting("urls", "http://127.0.0.1:0"));
        if (kestrel)
        {
            factory.UseKestrel();
        }

        return factory;
    }

    private static async Task RunClosedLoopAsync(string transport, HttpClient client, int requests, int concurrency)
    {
        // Warm-up: JIT, grain activations for every student the runs touch.
        await RunAsync(client, Math.Min(requests, Students * 2), concurrency, Calculate, new LatencyRecorder());
        foreach (var (name, body) in new (string, Func<int, HttpRequestMessage>)[] { ("calculate", Calculate), ("query", Query), ("ingest", Ingest) })
        {
            var recorder = new LatencyRecorder();
            var wall = Stopwatch.StartNew();
            var failures = await RunAsync(client, requests, concurrency, body, recorder);
            Console.WriteLine($"{transport} {recorder.Summarize(name, wall.Elapsed)}; failures {failures}");
        }
    }

    private static async Task<int> RunAsync(HttpClient client, int requests, int concurrency, Func<int, HttpRequestMessage> request, LatencyRecorder recorder)
    {
        var next = -1;
        var failures = 0;
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < requests)
            {
                var started = Stopwatch.GetTimestamp();
                using var response = await client.SendAsync(request(i));
                recorder.Record(started);
                if (response.StatusCode is not (HttpStatusCode.OK or HttpStatusCode.Accepted))
                {
                    Interlocked.Increment(ref failures);
                }
            }
        }));
        return failures;
    }

    private static async Task RunFixedRateAsync(string transport, HttpClient client, int rate, int seconds)
    {
        var (recorder, elapsed, failures) = await FixedRateRun.RunAsync(rate, seconds, async index =>
        {
            using var response = await client.SendAsync(Calculate(index));
            if (response.StatusCode != HttpStatusCode.OK)
            {
                throw new HttpRequestException($"calculate answered {(int)response.StatusCode}", null, response.StatusCode);
            }
        });
        Console.WriteLine($"{transport} fixed rate {rate}/s {recorder.Summarize("calculate", elapsed)}; failures {failures}");
    }

    private static HttpRequestMessage Calculate(int i)
    {
        var score = (i % 100 / 100.0).ToString("0.00", CultureInfo.InvariantCulture);
        return Post("/api/v1/mastery/calculate",
            $$"""{"student_id":"bench_{{i % Students}}","components":{"completion":{{score}},"quiz":0.9,"quality":0.85,"consistency":0.82} }""");
    }

    private static HttpRequestMessage Query(int i) =>
        Post("/api/v1/mastery/query", $$"""{"student_id":"bench_{{i % Students}}","include_components":true}""");

    private static HttpRequestMessage Ingest(int i) =>
        Post("/api/v1/mastery/ingest",
            $$"""{"event_type":"quiz","student_id":"bench_{{i % Students}}","event_id":"bench-{{Guid.NewGuid():N}}","data":{"score":{{i % 10}},"max_score":10} }""");

    private static HttpRequestMessage Post(string path, string json) =>
        new(HttpMethod.Post, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
}
