using System.Text.Json;

namespace MasteryEngine.Gateway.Contracts;

/// <summary>The Dapr-style invocation: an intent and the payload its route would take.</summary>
public sealed record ProcessRequest(string? Intent, JsonElement? Payload);
