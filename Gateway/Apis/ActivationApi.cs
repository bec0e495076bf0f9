using MasteryEngine.Gateway.Contracts;
using MasteryEngine.Gateway.Infrastructure;
using MasteryEngine.Gateway.OpenApi;
using MasteryEngine.Gateway.Security;
using MasteryEngine.Gateway.Validation;
using MasteryEngine.Grains;
using Microsoft.AspNetCore.Mvc;

namespace MasteryEngine.Gateway.Apis;

/// <summary>
/// For operators: which silo hosts a student's grain. <c>X-Served-By</c> names the silo that answered the HTTP
/// request, any silo of the cluster; this asks the grain's activation itself (activating it if it was not).
/// </summary>
public static class ActivationApi
{
    public static RouteGroupBuilder MapActivationApi(this RouteGroupBuilder api)
    {
        api.MapGet("/mastery/activation/{student_id}", LocateAsync).WithTags("Mastery").RequireAuthorization(AuthorizationPolicies.Admin)
            .Describes<StudentActivation>("The silo and activation hosting a student's grain (admin)");
        return api;
    }

    public static async Task<IResult> LocateAsync([FromRoute(Name = "student_id")] string studentId, MasteryServices services)
    {
        var errors = new ValidationErrors();
        errors.RequireId("student_id", studentId);
        if (!errors.IsEmpty)
        {
            return errors.ToProblem();
        }

        var location = await services.Student(studentId).AsReference<IActivationLocation>().LocateAsync();
        return TypedResults.Ok(ApiResponse.Of(new StudentActivation(studentId, location.Silo, location.ActivationId)));
    }
}
