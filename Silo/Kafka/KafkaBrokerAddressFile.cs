namespace MasteryEngine.Silo.Kafka;

/// <summary>
/// Where <c>kafka-mock</c> leaves its bootstrap address for shells and scripts on the same machine. The mock
/// cluster listens on ports the system picks (librdkafka's <c>rd_kafka_mock_broker_set_host_port</c> changes only the
/// address a broker advertises), so instead of a fixed port there is a fixed file:
/// <c>$XDG_RUNTIME_DIR/mastery-engine/kafka-broker</c>, or <c>/tmp/mastery-engine/kafka-broker</c> without a runtime
/// directory. It holds one line and exists only while the broker runs.
/// </summary>
public sealed class KafkaBrokerAddressFile(string path)
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    public string Path { get; } = path;

    /// <summary>The well-known file, under <paramref name="runtimeDirectory"/> (<c>XDG_RUNTIME_DIR</c>) when there is one.</summary>
    public static KafkaBrokerAddressFile WellKnown(string? runtimeDirectory) => new(System.IO.Path.Combine(
        string.IsNullOrWhiteSpace(runtimeDirectory) ? "/tmp" : runtimeDirectory, "mastery-engine", "kafka-broker"));

    /// <summary>Replaces the file in one step, so a reader sees the old address or the new one, never half a line.</summary>
    public async Task PublishAsync(string bootstrapServers, CancellationToken cancellationToken)
    {
        var directory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path))!;
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(directory);
        }
        else
        {
            Directory.CreateDirectory(directory, OwnerOnly);
        }

        var staging = System.IO.Path.Combine(directory, $".{System.IO.Path.GetFileName(Path)}.{Environment.ProcessId}");
        await File.WriteAllTextAsync(staging, bootstrapServers + "\n", cancellationToken);
        File.Move(staging, Path, overwrite: true);
    }

    /// <summary>Removes the file unless another broker has replaced it with its own address meanwhile.</summary>
    public void Withdraw(string bootstrapServers)
    {
        if (File.Exists(Path) && File.ReadAllText(Path).Trim() == bootstrapServers)
        {
            File.Delete(Path);
        }
    }
}
