using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace MasteryEngine.Deploy.Tests;

/// <summary><c>scripts/local-stack.sh</c> as a newcomer meets it when a port it needs is taken: one clear line, no build, no abort.</summary>
public sealed class LocalStackScriptTests
{
    [Theory]
    [InlineData("GATEWAY_PORT")]
    [InlineData("REDIS_PORT")]
    public async Task A_port_in_use_is_one_line_naming_the_port_and_the_setting(string setting)
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;
        var free = FreePort();
        var info = new ProcessStartInfo("bash", [RepositoryFiles.PathOf("scripts", "local-stack.sh")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.Environment["GATEWAY_PORT"] = setting == "GATEWAY_PORT" ? port.ToString() : free.ToString();
        info.Environment["REDIS_PORT"] = setting == "REDIS_PORT" ? port.ToString() : FreePort().ToString();
        info.Environment["STACK_DIR"] = Directory.CreateTempSubdirectory("local-stack").FullName;

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync(timeout.Token);

        Assert.Equal(1, process.ExitCode);
        var line = Assert.Single((await stderr).Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains($"port {port} is in use", line, StringComparison.Ordinal);
        Assert.Contains(setting + "=", line, StringComparison.Ordinal);
        Assert.DoesNotContain("building", await stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void The_script_runs_the_gateway_like_dotnet_run_and_prints_its_banner_only_when_ready()
    {
        var script = File.ReadAllText(RepositoryFiles.PathOf("scripts", "local-stack.sh"));

        Assert.Contains("ASPNETCORE_ENVIRONMENT=Development", script, StringComparison.Ordinal);
        Assert.Contains("cd \"$root/Gateway\"", script, StringComparison.Ordinal);
        Assert.DoesNotContain("JWT_SECRET=", script, StringComparison.Ordinal);
        Assert.True(
            script.IndexOf("/ready", StringComparison.Ordinal) < script.IndexOf("cat <<INFO", StringComparison.Ordinal),
            "the banner must come after the readiness wait");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
