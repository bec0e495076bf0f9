using MasteryEngine.Silo.Kafka;

namespace MasteryEngine.Silo;

/// <summary>
/// <c>dotnet run --project Silo -- kafka-mock ...</c> starts a development Kafka broker (see docs/kafka.md).
/// A named class rather than top-level statements: the Gateway references this assembly and has its own <c>Program</c>.
/// </summary>
public static class SiloProgram
{
    public static async Task<int> Main(string[] args)
    {
        if (args is ["kafka-mock", .. var options])
        {
            return await KafkaMockBrokerCommand.RunAsync(options);
        }

        await Console.Error.WriteLineAsync("usage: MasteryEngine.Silo kafka-mock [--brokers N] [--partitions N] [--topics t1,t2,...]");
        return 2;
    }
}
