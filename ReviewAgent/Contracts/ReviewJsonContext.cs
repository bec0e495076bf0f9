using System.Text.Json.Serialization;
using MasteryEngine.ReviewAgent.Scoring;

namespace MasteryEngine.ReviewAgent.Contracts;

/// <summary>The wire JSON, snake_case like the Mastery Engine's, source-generated: it is written for every assessment.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DictionaryKeyPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    UseStringEnumConverter = true,
    NumberHandling = JsonNumberHandling.Strict)]
[JsonSerializable(typeof(AssessRequest))]
[JsonSerializable(typeof(ProcessRequest))]
[JsonSerializable(typeof(ApiResponse<Assessment>))]
[JsonSerializable(typeof(Assessment))]
[JsonSerializable(typeof(QualityLearningEvent))]
[JsonSerializable(typeof(ServiceInfo))]
[JsonSerializable(typeof(LivenessStatus))]
[JsonSerializable(typeof(ReadinessReport))]
[JsonSerializable(typeof(FindingCategory))]
public sealed partial class ReviewJsonContext : JsonSerializerContext;
