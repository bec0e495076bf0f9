namespace MasteryEngine.Gateway.Contracts;

/// <summary>The success envelope of the seeds: <c>{"success": true, "data": ...}</c>.</summary>
public sealed record ApiResponse<T>(bool Success, T Data);

public static class ApiResponse
{
    public static ApiResponse<T> Of<T>(T data) => new(true, data);
}
