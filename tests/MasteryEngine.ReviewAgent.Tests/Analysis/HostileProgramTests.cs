using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MasteryEngine.ReviewAgent.Tests.Infrastructure;

namespace MasteryEngine.ReviewAgent.Tests.Analysis;

/// <summary>
/// Programs that would do harm if they ran are only read: assessing them does not run them (no file appears, no
/// connection is made, no loop spins) and takes about as long as any program.
/// </summary>
public class HostileProgramTests
{
    [Fact]
    public async Task Programs_that_loop_allocate_connect_and_write_files_are_analysed_without_running()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var marker = Path.Combine(Path.GetTempPath(), $"review-ran-{Guid.NewGuid():N}");
        var programs = new[]
        {
            $"open('{marker}', 'w').write('it ran')\nwhile True:\n    pass\n",
            $"open('{marker}', 'w').write('it ran')\nDATA = [0] * (10 ** 12)\nBLOB = bytearray(10 ** 12)\n",
            $"import socket\nopen('{marker}', 'w').write('it ran')\nsocket.create_connection(('127.0.0.1', {port})).sendall(b'x')\n",
            $"import os\nopen('{marker}', 'w').write('it ran')\nprint(open('/etc/shadow').read())\nos.system('touch {marker}')\n",
            "__import__('os').fork()\nimport sys\nsys.setrecursionlimit(10 ** 9)\n\ndef f():\n    return f()\n\n\nf()\n",
        };
        var analyser = Analysers.Create();
        var clock = Stopwatch.StartNew();

        var reports = await Task.WhenAll(programs.Select(program => analyser.AnalyseAsync(program, CancellationToken.None)));

        Assert.All(reports, report => Assert.False(report.SyntaxError));
        Assert.False(File.Exists(marker), "a submitted program ran");
        Assert.False(listener.Pending(), "a submitted program connected");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"five assessments took {clock.Elapsed}");
    }
}
