namespace MasteryEngine.Gateway.Contracts;

public sealed record ServiceInfo(string Name, string Version, string Environment, ServiceMode Mode, string Docs);
