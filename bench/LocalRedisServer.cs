using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace MasteryEngine.Bench;

/// <summary>A redis-server on a free loopback port for one benchmark run, killed when disposed.</summary>
public sealed class LocalRedisServer : IAsyncDisposable
{
    private readonly Process process;

    private LocalRedisServer(Process process, int port)
    {
        this.process = process;
        Port = port;
    }

    public int Port { get; }

    public static async Task<LocalRedisServer> StartAsync()
    {
        var port = LoopbackPort.Free();

        var info = new ProcessStartInfo("redis-server") { UseShellExecute = false, RedirectStandardOutput = true };
        foreach (var argument in new[] { "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no" })
        {
            info.ArgumentList.Add(argument);
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("redis-server did not start.");
        process.BeginOutputReadLine();
        var server = new LocalRedisServer(process, port);
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, port);
                return server;
            }
            catch (SocketException) when (attempt < 200)
            {
                await Task.Delay(50);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
        process.Dispose();
    }
}
