using MasteryEngine.Gateway.Contracts;
using MasteryEngine.Grains.Domain;

namespace MasteryEngine.Gateway.Observability;

/// <summary>
/// Names the student of a request whose id came in the body, for its request log line (route values are picked up
/// by the log itself). Only a well-formed id is logged: whatever a caller sent instead never reaches the logs.
/// </summary>
public sealed class LoggedStudentIdFilter : IEndpointFilter
{
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        foreach (var argument in context.Arguments)
        {
            if (argument is IStudentRequest { StudentId: var studentId } && Identifiers.IsValid(studentId))
            {
                context.HttpContext.SetLoggedStudentId(studentId!);
                break;
            }
        }

        return next(context);
    }
}
