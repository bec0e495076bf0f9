using System.Globalization;
using System.Net;
using System.Net.Sockets;
using MasteryEngine.Silo.Hosting;
using MasteryEngine.Testing;

namespace MasteryEngine.Gateway.Tests.Hosting;

/// <summary>
/// A gateway that cannot start, met as a newcomer meets it with <c>dotnet MasteryEngine.Gateway.dll</c>: one line
/// says why and what to do, and it exits 3 rather than aborting (134) after a stack trace.
/// </summary>
public sealed class StartupFailureTests
{
    [Fact]
    public async Task A_redis_that_does_not_answer_ends_start_up_with_one_line_naming_redis_host_and_exit_code_3()
    {
        using var closed = new TcpListener(IPAddress.Loopback, 0);
        closed.Start();
        var port = ((IPEndPoint)closed.LocalEndpoint).Port;
        closed.Stop();

        var (exitCode, line) = await RunGatewayAsync(new Dictionary<string, string>
        {
            ["STORAGE_PROVIDER"] = "redis",
            ["REDIS_HOST"] = "127.0.0.1:" + port.ToString(CultureInfo.InvariantCulture),
            ["PORT"] = FreePort().ToString(CultureInfo.InvariantCulture),
        });

        Assert.Equal(StartupFailure.ExitCode, exitCode);
        Assert.StartsWith("start-up failed: Redis does not answer", line, StringComparison.Ordinal);
        Assert.Contains("REDIS_HOST", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_port_in_use_ends_start_up_with_one_line_naming_the_address_and_port_and_exit_code_3()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;

        var (exitCode, line) = await RunGatewayAsync(new Dictionary<string, string> { ["PORT"] = port.ToString(CultureInfo.InvariantCulture) });

        Assert.Equal(StartupFailure.ExitCode, exitCode);
        Assert.Contains($"127.0.0.1:{port}: address already in use", line, StringComparison.Ordinal);
        Assert.Contains("PORT", line[line.IndexOf("in use", StringComparison.Ordinal)..], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("one message", "one message")]
    [InlineData("two\nlines", "two lines")]
    public void An_exception_is_described_on_one_line_without_its_wrapper(string message, string described) =>
        Assert.Equal(described, StartupFailure.Describe(new AggregateException(new InvalidOperationException(message))));

    /// <returns>The exit code and the one line that says why start-up failed (the logs before it are Orleans' and ASP.NET's).</returns>
    private static async Task<(int ExitCode, string Line)> RunGatewayAsync(Dictionary<string, string> settings)
    {
        settings["ASPNETCORE_ENVIRONMENT"] = "Development";
        settings["DOTNET_ENVIRONMENT"] = "Development";
        settings["JWT_SECRET"] = "";
        await using var gateway = DotnetProcess.Start("MasteryEngine.Gateway.dll", settings);
        var exitCode = await gateway.WaitForExitAsync(TimeSpan.FromSeconds(120));
        var lines = gateway.Output.Split('\n').Where(line => line.StartsWith("start-up failed", StringComparison.Ordinal));
        return (exitCode, Assert.Single(lines).Trim());
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
