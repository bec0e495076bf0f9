namespace MasteryEngine.ServiceDefaults.Observability;

public static class RequestLogHttpContextExtensions
{
    internal const string StudentIdItemKey = "log.student_id";

    /// <summary>
    /// Names the student a request is about, for its request log line, when the student id came in the body
    /// rather than the route (route values named <c>student_id</c> are picked up without this call).
    /// </summary>
    public static void SetLoggedStudentId(this HttpContext context, string studentId) =>
        context.Items[StudentIdItemKey] = studentId;
}
