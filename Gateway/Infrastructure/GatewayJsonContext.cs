using System.Text.Json.Serialization;
using MasteryEngine.Gateway.Contracts;
using MasteryEngine.Grains;

namespace MasteryEngine.Gateway.Infrastructure;

/// <summary>
/// The gateway's request and response types, with the same wire rules as <see cref="Grains.Serialization.MasteryJsonContext"/>
/// (snake_case, enums as snake_case strings). Source-generated: these are (de)serialized on every request.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DictionaryKeyPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    NumberHandling = JsonNumberHandling.Strict,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(MasteryQueryRequest))]
[JsonSerializable(typeof(MasteryCalculateRequest))]
[JsonSerializable(typeof(IngestRequest))]
[JsonSerializable(typeof(PredictionRequest))]
[JsonSerializable(typeof(RecommendationRequest))]
[JsonSerializable(typeof(BatchMasteryRequest))]
[JsonSerializable(typeof(ProcessRequest))]
[JsonSerializable(typeof(PredictAnswerRequest))]
[JsonSerializable(typeof(PracticeRequest))]
[JsonSerializable(typeof(ApiResponse<PracticeResponse>))]
[JsonSerializable(typeof(ApiResponse<EventApplyResult>))]
[JsonSerializable(typeof(ApiResponse<AnswerPredictionResult>))]
[JsonSerializable(typeof(IReadOnlyList<string>))]
[JsonSerializable(typeof(ApiResponse<MasteryQueryResponse>))]
[JsonSerializable(typeof(ApiResponse<MasteryResult>))]
[JsonSerializable(typeof(ApiResponse<IngestAccepted>))]
[JsonSerializable(typeof(ApiResponse<EventApplication>))]
[JsonSerializable(typeof(ApiResponse<StudentActivation>))]
[JsonSerializable(typeof(ApiResponse<MasteryPrediction>))]
[JsonSerializable(typeof(ApiResponse<RecommendationsResponse>))]
[JsonSerializable(typeof(ApiResponse<BatchAccepted>))]
[JsonSerializable(typeof(ApiResponse<BatchStatus>))]
[JsonSerializable(typeof(ApiResponse<MasteryHistory>))]
[JsonSerializable(typeof(ApiResponse<CohortAnalytics>))]
[JsonSerializable(typeof(ApiResponse<CohortComparison>))]
[JsonSerializable(typeof(ApiResponse<CohortMembership>))]
[JsonSerializable(typeof(ApiResponse<CohortStudents>))]
[JsonSerializable(typeof(ApiResponse<StudentDataExport>))]
[JsonSerializable(typeof(ApiResponse<ErasureResponse>))]
[JsonSerializable(typeof(PagedApiResponse<ComplianceAuditRecord[]>))]
[JsonSerializable(typeof(LivenessStatus))]
[JsonSerializable(typeof(ReadinessReport))]
[JsonSerializable(typeof(ServiceInfo))]
public sealed partial class GatewayJsonContext : JsonSerializerContext;
