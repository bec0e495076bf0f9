using System.Text.Json;
using MasteryEngine.Gateway.Options;
using MasteryEngine.Gateway.Validation;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace MasteryEngine.Gateway.Infrastructure;

/// <summary>
/// Turns what the framework rejects while reading a request (malformed JSON, a value of the wrong type, a
/// missing body, a body over the limit, an unparsable query value) into a problem answer with its own status,
/// instead of a 500. The raw input is never echoed, only where in the document it went wrong.
/// </summary>
internal sealed class BadRequestExceptionHandler(IProblemDetailsService problems, IOptions<GatewayOptions> options) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad)
        {
            return false;
        }

        httpContext.Response.StatusCode = bad.StatusCode;
        var problem = bad.InnerException is JsonException json && JsonFieldError.FieldOf(json) is { } field
            ? new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [JsonFieldError.MessageFor(field)] })
            {
                Detail = JsonFieldError.MessageFor(field),
            }
            : new ProblemDetails { Detail = Describe(bad, options.Value.MaxRequestBodyBytes) };
        problem.Status = bad.StatusCode;
        problem.Title = bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? "Payload Too Large" : "The request is invalid.";
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = problem,
        });
    }

    private static string Describe(BadHttpRequestException exception, long maxBodyBytes)
    {
        if (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return ProblemDetailsDefaults.TooLarge(maxBodyBytes);
        }

        if (exception.StatusCode == StatusCodes.Status415UnsupportedMediaType)
        {
            return "Send the body as JSON with the header 'Content-Type: application/json'.";
        }

        if (exception.InnerException is JsonException)
        {
            return JsonFieldError.DocumentMessage;
        }

        var message = exception.Message;
        if (message.Contains("no body was provided", StringComparison.OrdinalIgnoreCase) ||
            message.Contains("from body", StringComparison.OrdinalIgnoreCase))
        {
            return "A JSON request body is required. The expected shapes are at /docs.";
        }

        return ParameterName(message) is { } name
            ? $"The parameter '{name}' in the path or query string has an invalid value."
            : "The request could not be read. The expected shapes are at /docs.";
    }

    // The framework's message reads 'Failed to bind parameter "int days" from "..."': take the name, drop the value.
    private static string? ParameterName(string message)
    {
        var start = message.IndexOf('"', StringComparison.Ordinal);
        var end = start < 0 ? -1 : message.IndexOf('"', start + 1);
        if (end < 0)
        {
            return null;
        }

        var declaration = message[(start + 1)..end];
        var name = declaration[(declaration.LastIndexOf(' ') + 1)..];
        return name.Length > 0 && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_') ? name : null;
    }
}
