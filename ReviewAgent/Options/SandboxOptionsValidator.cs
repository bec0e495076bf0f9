using Microsoft.Extensions.Options;

namespace MasteryEngine.ReviewAgent.Options;

internal sealed class SandboxOptionsValidator : IValidateOptions<SandboxOptions>
{
    public ValidateOptionsResult Validate(string? name, SandboxOptions options)
    {
        var failures = new List<string>();
        if (options.Timeout <= TimeSpan.Zero || options.Timeout > TimeSpan.FromMinutes(5))
        {
            failures.Add("Sandbox:Timeout must be between 0 and 5 minutes.");
        }

        if (options.CpuSeconds is < 1 or > 300)
        {
            failures.Add("Sandbox:CpuSeconds must be between 1 and 300.");
        }

        if (options.MemoryBytes < 64L * 1024 * 1024)
        {
            failures.Add("Sandbox:MemoryBytes must be at least 64 MiB (Python itself needs about 30).");
        }

        if (options.MaxOutputBytes < 64 * 1024)
        {
            failures.Add("Sandbox:MaxOutputBytes must be at least 65536.");
        }

        if (options.MaxConcurrentRuns is < 1 or > 256)
        {
            failures.Add("Sandbox:MaxConcurrentRuns must be between 1 and 256.");
        }

        if (options.QueueTimeout <= TimeSpan.Zero)
        {
            failures.Add("Sandbox:QueueTimeout must be positive.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
