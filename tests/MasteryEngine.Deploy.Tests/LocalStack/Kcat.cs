namespace MasteryEngine.Deploy.Tests.LocalStack;

/// <summary>The README's kcat commands against a broker: produce one keyed message, read a topic from its beginning.</summary>
internal static class Kcat
{
    public static async Task ProduceAsync(string broker, string topic, string key, string value)
    {
        var run = await CommandRun.RunAsync("kcat", ["-b", broker, "-t", topic, "-K:", "-P"], input: $"{key}:{value}\n");
        Assert.True(run.ExitCode == 0, $"kcat -P failed: {run.Errors}");
    }

    public static async Task<string[]> ConsumeAllAsync(string broker, string topic)
    {
        var run = await CommandRun.RunAsync("kcat", ["-b", broker, "-t", topic, "-C", "-o", "beginning", "-e", "-q"]);
        Assert.True(run.ExitCode == 0, $"kcat -C failed: {run.Errors}");
        return run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }
}
