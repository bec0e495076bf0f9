using System.Text.Json.Serialization;

namespace MasteryEngine.Gateway.Contracts;

/// <param name="Environment">Only for authenticated callers: anonymous ones learn nothing about the deployment.</param>
public sealed record ServiceInfo(
    string Name,
    string Version,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Environment,
    ServiceMode Mode,
    string Docs);
