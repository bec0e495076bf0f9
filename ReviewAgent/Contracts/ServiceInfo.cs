namespace MasteryEngine.ReviewAgent.Contracts;

/// <param name="MasteryFeed">Where quality events go: <c>kafka</c>, <c>http</c> or <c>disabled</c>.</param>
public sealed record ServiceInfo(
    string Name,
    string Version,
    string Environment,
    bool KafkaEnabled,
    string MasteryFeed,
    IReadOnlyList<string> Languages,
    IReadOnlyList<string> Analysers,
    string RubricVersion);
