using System.Diagnostics;

namespace MasteryEngine.Testing.Kafka;

/// <summary>Produces with kcat, a Kafka client nobody here wrote (Debian package <c>kcat</c>).</summary>
public static class Kcat
{
    public const string Path = "/usr/bin/kcat";

    /// <summary>Produces one message per line, <c>key:value</c>; keys must not contain ':'.</summary>
    public static async Task ProduceAsync(string bootstrapServers, string topic, IEnumerable<(string Key, string Value)> messages)
    {
        if (!File.Exists(Path))
        {
            throw new InvalidOperationException("kcat is not installed: apt-get install kcat");
        }

        var start = new ProcessStartInfo(Path)
        {
            RedirectStandardInput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "-b", bootstrapServers, "-t", topic, "-K:", "-P", "-X", "acks=all" })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("kcat did not start.");
        foreach (var (key, value) in messages)
        {
            await process.StandardInput.WriteLineAsync($"{key}:{value}");
        }

        process.StandardInput.Close();
        var errors = await process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"kcat exited with {process.ExitCode}: {errors}");
        }
    }
}
