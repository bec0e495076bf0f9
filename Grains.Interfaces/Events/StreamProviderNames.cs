namespace MasteryEngine.Grains;

/// <summary>The Orleans stream provider every host registers: memory streams embedded, Kafka topics with Kafka.</summary>
public static class StreamProviderNames
{
    public const string Mastery = "mastery";
}
