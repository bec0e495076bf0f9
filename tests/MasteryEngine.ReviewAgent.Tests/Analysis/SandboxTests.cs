using System.Net;
using System.Net.Sockets;
using MasteryEngine.ReviewAgent.Analysis;
using MasteryEngine.ReviewAgent.Options;
using MasteryEngine.ReviewAgent.Tests.Infrastructure;
using Microsoft.Extensions.Options;

namespace MasteryEngine.ReviewAgent.Tests.Analysis;

/// <summary>
/// The sandbox itself, driven with small trusted Python probes as the "analyser": what a run may not do (use the
/// network, see or change host files, outlive its limits) it cannot.
/// </summary>
public sealed class SandboxTests : IDisposable
{
    private readonly DirectoryInfo directory = Directory.CreateTempSubdirectory("sandbox-test-");

    public void Dispose() => directory.Delete(recursive: true);

    private static SandboxedProcessRunner Runner(SandboxOptions? options = null) =>
        new(Microsoft.Extensions.Options.Options.Create(options ?? new SandboxOptions { Timeout = TimeSpan.FromSeconds(10), CpuSeconds = 5 }), TimeProvider.System);

    private Task<SandboxRun> PythonAsync(SandboxedProcessRunner runner, string script) =>
        runner.RunAsync(new SandboxCommand("probe", "/usr/bin/python3", ["-c", script]), directory.FullName, CancellationToken.None);

    [Fact]
    public async Task A_run_that_computes_forever_is_stopped_by_the_cpu_limit()
    {
        using var runner = Runner(new SandboxOptions { Timeout = TimeSpan.FromSeconds(30), CpuSeconds = 1 });

        var run = await PythonAsync(runner, "while True: pass");

        Assert.True(run.KilledBySignal, $"exit code {run.ExitCode}, outcome {run.Outcome}");
        Assert.True(run.Elapsed < TimeSpan.FromSeconds(25), $"took {run.Elapsed}");
    }

    [Fact]
    public async Task A_run_that_waits_forever_is_killed_at_the_time_limit()
    {
        using var runner = Runner(new SandboxOptions { Timeout = TimeSpan.FromSeconds(1) });

        var run = await PythonAsync(runner, "import time; time.sleep(600)");

        Assert.Equal(SandboxRunOutcome.TimedOut, run.Outcome);
        Assert.True(run.Elapsed < TimeSpan.FromSeconds(30), $"took {run.Elapsed}");
    }

    [Fact]
    public async Task A_run_cannot_allocate_past_the_memory_limit()
    {
        using var runner = Runner(new SandboxOptions { MemoryBytes = 128L * 1024 * 1024 });

        var run = await PythonAsync(runner, "data = bytearray(1024 * 1024 * 1024); print('allocated')");

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("MemoryError", run.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("allocated", run.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_run_that_writes_too_much_is_stopped()
    {
        using var runner = Runner(new SandboxOptions { MaxOutputBytes = 64 * 1024 });

        var run = await PythonAsync(runner, "import sys\nwhile True: sys.stdout.write('x' * 65536)");

        Assert.Equal(SandboxRunOutcome.OutputTooLarge, run.Outcome);
    }

    [Fact]
    public async Task A_run_has_no_network_not_even_loopback()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        using var runner = Runner();

        var run = await PythonAsync(runner, $"import socket\nsocket.create_connection(('127.0.0.1', {port}), timeout=3)\nprint('connected')");

        Assert.NotEqual(0, run.ExitCode);
        Assert.DoesNotContain("connected", run.StandardOutput, StringComparison.Ordinal);
        Assert.False(listener.Pending(), "the sandboxed run reached a loopback listener");
    }

    [Fact]
    public async Task A_run_sees_no_host_file_outside_its_directory()
    {
        var secret = Path.Combine(Path.GetTempPath(), $"review-secret-{Guid.NewGuid():N}");
        await File.WriteAllTextAsync(secret, "do not read");
        try
        {
            using var runner = Runner();

            var run = await PythonAsync(runner, $"print(open('{secret}').read())");

            Assert.NotEqual(0, run.ExitCode);
            Assert.DoesNotContain("do not read", run.StandardOutput, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(secret);
        }
    }

    [Fact]
    public async Task A_run_cannot_change_the_submission_or_the_host()
    {
        var marker = Path.Combine(Path.GetTempPath(), $"review-marker-{Guid.NewGuid():N}");
        using var runner = Runner();

        var run = await PythonAsync(runner,
            $"for path in ['{marker}', 'own-file']:\n    try:\n        open(path, 'w').write('x')\n    except OSError:\n        print('refused', path)");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("refused own-file", run.StandardOutput, StringComparison.Ordinal);
        Assert.False(File.Exists(marker), "the run wrote to the host's /tmp");
        Assert.Empty(directory.GetFiles());
    }

    [Fact]
    public async Task A_run_starts_with_an_empty_environment()
    {
        Environment.SetEnvironmentVariable("REVIEW_TEST_SECRET", "leaked");
        using var runner = Runner();

        var run = await PythonAsync(runner, "import os; print(sorted(os.environ))");

        Assert.DoesNotContain("REVIEW_TEST_SECRET", run.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("JWT_SECRET", run.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Runs_beyond_the_concurrency_cap_wait_then_are_refused()
    {
        using var runner = Runner(new SandboxOptions { MaxConcurrentRuns = 1, QueueTimeout = TimeSpan.FromMilliseconds(300), Timeout = TimeSpan.FromSeconds(20) });
        var first = PythonAsync(runner, "import time; time.sleep(4)");
        await MasteryEngine.Testing.Eventually.UntilAsync(() => !first.IsCompleted, TimeSpan.FromSeconds(5), "the first run started");

        await Assert.ThrowsAsync<AnalysisBusyException>(() => PythonAsync(runner, "print(1)"));
        Assert.Equal(0, (await first).ExitCode);
    }
}
