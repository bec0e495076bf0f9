using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using MasteryEngine.Gateway.Contracts;
using MasteryEngine.Gateway.Infrastructure;
using MasteryEngine.Gateway.OpenApi;
using MasteryEngine.Gateway.Validation;

namespace MasteryEngine.Gateway.Apis;

/// <summary>
/// The service-invocation route of the seeds (<c>{intent, payload}</c>): each intent runs the same handler as
/// its own route, with the same validation, access rules and envelope. It needs a token like every data route.
/// </summary>
public static class ProcessApi
{
    public static readonly IReadOnlyList<string> Intents =
        ["mastery_calculation", "mastery_query", "prediction", "recommendations", "ingest"];

    public static RouteGroupBuilder MapProcessApi(this RouteGroupBuilder api)
    {
        api.MapPost("/process", ProcessAsync).WithTags("Service invocation")
            .Describes<JsonElement>("Run an intent with the payload its own route takes; answers exactly as that route")
            .Produces<ApiResponse<JsonElement>>(StatusCodes.Status202Accepted)
            .TakesJson(RequestExamples.Process)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return api;
    }

    public static async Task<IResult> ProcessAsync(ProcessRequest request, ClaimsPrincipal user, MasteryServices services)
    {
        var errors = new ValidationErrors();
        if (request.Intent is null || !Intents.Contains(request.Intent))
        {
            errors.Add("intent", $"intent must be one of {string.Join(", ", Intents)}.");
        }

        if (request.Payload is not { ValueKind: JsonValueKind.Object })
        {
            errors.Add("payload", "payload must be a JSON object with the fields the intent's route takes, e.g. {\"student_id\": \"student_12345\"}.");
        }

        if (!errors.IsEmpty)
        {
            return errors.ToProblem();
        }

        var payload = request.Payload!.Value;
        var json = GatewayJsonContext.Default;
        try
        {
            return request.Intent switch
            {
                "mastery_calculation" => await MasteryApi.CalculateAsync(Read(payload, json.MasteryCalculateRequest), user, services),
                "mastery_query" => await MasteryApi.QueryAsync(Read(payload, json.MasteryQueryRequest), user, services),
                "prediction" => await InsightsApi.PredictAsync(Read(payload, json.PredictionRequest), user, services),
                "recommendations" => await InsightsApi.RecommendAsync(Read(payload, json.RecommendationRequest), user, services),
                _ => await MasteryApi.IngestAsync(Read(payload, json.IngestRequest), user, services),
            };
        }
        catch (JsonException exception)
        {
            var wrong = new ValidationErrors();
            var field = JsonFieldError.FieldOf(exception, "payload")!;
            wrong.Add(field, $"payload does not fit the {request.Intent} intent: " + JsonFieldError.MessageFor(field));
            return wrong.ToProblem();
        }
    }

    private static T Read<T>(JsonElement payload, JsonTypeInfo<T> typeInfo) =>
        payload.Deserialize(typeInfo) ?? throw new JsonException("payload is null");
}
