using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MasteryEngine.Silo.Hosting;

/// <summary>
/// Runs the options validation that <c>ValidateOnStart</c> registered before the host starts, so that a bad setting
/// ends the process with one line on stderr and exit code 2 (a usage error) instead of the host's logged stack trace
/// and an unhandled-exception abort (134). Only when the app owns the process: a host that embeds it
/// (WebApplicationFactory, whose entry assembly is the test host) still gets the exception from start-up.
/// </summary>
public static class ConfigurationCheck
{
    public const int ExitCode = 2;

    /// <returns><see cref="ExitCode"/> when a setting is invalid (after writing why), null when the host may start.</returns>
    public static int? Reject(IServiceProvider services, TextWriter? error = null)
    {
        if (!OwnsTheProcess())
        {
            return null;
        }

        try
        {
            services.GetService<IStartupValidator>()?.Validate();
            return null;
        }
        catch (Exception exception) when (exception is OptionsValidationException or InvalidOperationException or AggregateException)
        {
            (error ?? Console.Error).WriteLine("configuration error: " + Describe(exception));
            return ExitCode;
        }
    }

    /// <summary>Whether the gateway or the silo runs as its own program, rather than inside a test host.</summary>
    internal static bool OwnsTheProcess() =>
        System.Reflection.Assembly.GetEntryAssembly()?.GetName().Name is "MasteryEngine.Gateway" or "MasteryEngine.Silo";

    /// <summary>Every failure once, on one line (the exception's message repeats them joined by "; ").</summary>
    public static string Describe(Exception exception)
    {
        var failures = exception switch
        {
            OptionsValidationException validation => validation.Failures,
            AggregateException aggregate => aggregate.InnerExceptions.Select(Describe),
            _ => [exception.Message],
        };
        return string.Join(" ", failures.Distinct(StringComparer.Ordinal)).ReplaceLineEndings(" ");
    }
}
