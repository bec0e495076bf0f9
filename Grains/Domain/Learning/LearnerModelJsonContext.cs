using System.Text.Json.Serialization;

namespace MasteryEngine.Grains.Domain.Learning;

/// <summary>The parameter file's JSON: snake_case, source generated (a file can list tens of thousands of items).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    RespectRequiredConstructorParameters = true,
    NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals)]
[JsonSerializable(typeof(LearnerModelParameters))]
internal sealed partial class LearnerModelJsonContext : JsonSerializerContext;
