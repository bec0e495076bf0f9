namespace MasteryEngine.Gateway.Demo;

/// <summary>The API refused or never applied part of the demo data; the message says which call and why.</summary>
public sealed class DemoSeedingException(string message) : Exception(message);
