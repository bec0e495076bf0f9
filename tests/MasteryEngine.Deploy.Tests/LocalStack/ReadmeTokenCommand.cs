namespace MasteryEngine.Deploy.Tests.LocalStack;

/// <summary>
/// The README's <c>TOKEN=$(dotnet run --project Gateway -- token --sub ... --role ... | tail -n 1)</c>: the built
/// gateway's token command, in Development from <c>Gateway/</c> as <c>dotnet run</c>'s launch profile runs it.
/// </summary>
internal static class ReadmeTokenCommand
{
    public static async Task<string> TokenAsync(string subject, string role)
    {
        var gateway = RepositoryFiles.PathOf("Gateway");
        var dll = Path.Combine(gateway, "bin", LocalStackRun.BuildConfiguration, "net10.0", "MasteryEngine.Gateway.dll");
        var run = await CommandRun.RunAsync(
            Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet",
            [dll, "token", "--sub", subject, "--role", role],
            environment: new Dictionary<string, string> { ["ASPNETCORE_ENVIRONMENT"] = "Development", ["DOTNET_ENVIRONMENT"] = "Development", ["JWT_SECRET"] = "" },
            workingDirectory: gateway);
        Assert.True(run.ExitCode == 0, $"the token command failed: {run.Errors}");
        return run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1].Trim();
    }
}
