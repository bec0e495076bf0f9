namespace MasteryEngine.Gateway.Hosting;

/// <summary>
/// The host environment when the operator names none. A launch profile's <c>environmentVariables</c> override the
/// caller's environment under <c>dotnet run</c>, so the profile must not set <c>ASPNETCORE_ENVIRONMENT</c> (that
/// turned <c>ASPNETCORE_ENVIRONMENT=Production dotnet run</c> into Development). It sets <see cref="Variable"/>
/// instead, which counts only when no environment is given: whatever the operator sets always wins.
/// </summary>
public static class LaunchEnvironment
{
    public const string Variable = "MASTERY_DEFAULT_ENVIRONMENT";

    /// <summary>What names an environment: the host's variables, the seeds' <c>ENVIRONMENT</c>, or <c>--environment</c>.</summary>
    private static readonly string[] OperatorVariables = ["ASPNETCORE_ENVIRONMENT", "DOTNET_ENVIRONMENT", "ENVIRONMENT"];

    /// <summary>The default environment to start in, or null to let the host decide (its own default is Production).</summary>
    public static string? DefaultFor(IReadOnlyList<string> args, Func<string, string?> variable)
    {
        var named = OperatorVariables.Any(name => !string.IsNullOrEmpty(variable(name)))
            || args.Any(arg => arg.StartsWith("--environment", StringComparison.OrdinalIgnoreCase)
                || arg.StartsWith("/environment", StringComparison.OrdinalIgnoreCase));
        return named || variable(Variable) is not { Length: > 0 } fallback ? null : fallback;
    }

    public static WebApplicationOptions Options(string[] args) =>
        new() { Args = args, EnvironmentName = DefaultFor(args, Environment.GetEnvironmentVariable) };
}
