using System.Text.Json.Serialization;
using MasteryEngine.Gateway.Contracts;

namespace MasteryEngine.Gateway.Dashboard;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, NumberHandling = JsonNumberHandling.Strict)]
[JsonSerializable(typeof(DevTokenRequest))]
[JsonSerializable(typeof(ApiResponse<DevTokenIssued>))]
internal sealed partial class DashboardJsonContext : JsonSerializerContext;
