using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using MasteryEngine.Gateway.Options;
using MasteryEngine.Gateway.Security;
using MasteryEngine.Gateway.Tests.Infrastructure;
using MasteryEngine.Testing;

namespace MasteryEngine.Gateway.Tests.Security;

/// <summary>
/// The gateway started as the README and an operator start it, <c>dotnet run --project Gateway</c> (with its launch
/// profile; <c>--no-build</c> runs the Release build the tests were built with): the environment the caller sets wins.
/// </summary>
public sealed class DotnetRunTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Production_set_by_the_operator_wins_over_the_launch_profile_and_refuses_to_start_without_a_secret()
    {
        var (exitCode, output) = await RunUntilExitAsync(new() { ["ASPNETCORE_ENVIRONMENT"] = "Production", ["ENVIRONMENT"] = "production" });

        Assert.NotEqual(0, exitCode);
        Assert.Contains("JWT_SECRET is not set", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plain_dotnet_run_is_development_on_loopback_with_the_development_secret()
    {
        var port = RedisServerProcess.FreePort();
        using var process = Start(new() { ["PORT"] = port.ToString(CultureInfo.InvariantCulture) }, out var output);
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(10) };
            var token = new TokenIssuer(new JwtOptions { Secret = JwtOptions.DevelopmentSecret }, TimeProvider.System)
                .Issue("admin_dev", [MasteryRoles.Admin], [], TimeSpan.FromMinutes(5));
            client.DefaultRequestHeaders.Authorization = new("Bearer", token);
            var info = await GetWhenListeningAsync(client, process, output);

            Assert.Equal("Development", info.GetProperty("environment").GetString());
            Assert.Contains($"Now listening on: http://127.0.0.1:{port}", output.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    private static async Task<System.Text.Json.JsonElement> GetWhenListeningAsync(HttpClient client, Process process, StringBuilder output)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < Limit && !process.HasExited)
        {
            try
            {
                using var response = await client.GetAsync(new Uri("/", UriKind.Relative));
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                return await HttpJson.ReadAsync(response);
            }
            catch (HttpRequestException)
            {
                await Task.Delay(200);
            }
        }

        throw new TimeoutException("dotnet run did not serve / in time. Output:\n" + output);
    }

    private static async Task<(int ExitCode, string Output)> RunUntilExitAsync(Dictionary<string, string> settings)
    {
        using var process = Start(settings, out var output);
        using var timeout = new CancellationTokenSource(Limit);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("dotnet run did not exit. Output:\n" + output);
        }

        // The asynchronous readers may still hold the last lines.
        process.WaitForExit();
        return (process.ExitCode, output.ToString());
    }

    private static Process Start(Dictionary<string, string> settings, out StringBuilder output)
    {
        var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepositoryRoot(),
        };
        foreach (var argument in new[] { "run", "--no-build", "-c", "Release", "--project", Path.Combine("Gateway", "MasteryEngine.Gateway.csproj") })
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var inherited in info.Environment.Keys.Where(IsGatewaySetting).ToList())
        {
            info.Environment.Remove(inherited);
        }

        info.Environment["OTEL_SDK_DISABLED"] = "true";
        foreach (var (key, value) in settings)
        {
            info.Environment[key] = value;
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start.");
        var lines = new StringBuilder();
        process.OutputDataReceived += (_, e) => Append(lines, e.Data);
        process.ErrorDataReceived += (_, e) => Append(lines, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        output = lines;
        return process;
    }

    private static void Append(StringBuilder lines, string? line)
    {
        lock (lines)
        {
            lines.AppendLine(line);
        }
    }

    private static bool IsGatewaySetting(string name) =>
        name.StartsWith("ASPNETCORE_", StringComparison.Ordinal) || name.StartsWith("OTEL_", StringComparison.Ordinal)
        || name is "DOTNET_ENVIRONMENT" or "ENVIRONMENT" or "PORT" or "JWT_SECRET" or "STORAGE_PROVIDER" or "STREAM_PROVIDER"
        || name.StartsWith("REDIS_", StringComparison.Ordinal) || name.StartsWith("KAFKA_", StringComparison.Ordinal);

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "MasteryEngine.Orleans.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("The tests run outside the repository: dotnet run needs its Gateway project.");
    }
}
