using MasteryEngine.Gateway.Contracts;

namespace MasteryEngine.Gateway.OpenApi;

/// <summary>How a route describes itself in the OpenAPI document: summary, success envelope, problems, example.</summary>
public static class EndpointDescriptionExtensions
{
    /// <summary>A summary and the success envelope <c>{"success": true, "data": T}</c> answered with <paramref name="status"/>.</summary>
    public static RouteHandlerBuilder Describes<T>(this RouteHandlerBuilder route, string summary, int status = StatusCodes.Status200OK) =>
        route.WithSummary(summary).Produces<ApiResponse<T>>(status);

    /// <summary>A JSON body: its example, and the problems of a body too large (413) or not JSON (415).</summary>
    public static RouteHandlerBuilder TakesJson(this RouteHandlerBuilder route, string example) => route
        .WithMetadata(new RequestExample(example))
        .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
        .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

    /// <summary>The problems every data route can answer: invalid input, no or bad token, role not allowed, rate limited.</summary>
    public static RouteGroupBuilder ProducesDataRouteProblems(this RouteGroupBuilder group) => group
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status401Unauthorized)
        .ProducesProblem(StatusCodes.Status403Forbidden)
        .ProducesProblem(StatusCodes.Status429TooManyRequests);
}
