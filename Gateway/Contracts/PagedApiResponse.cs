namespace MasteryEngine.Gateway.Contracts;

/// <summary>
/// The success envelope with one page of a list: <c>{"success": true, "data": [...], "next_cursor": "..."}</c>.
/// <c>data</c> stays the list, as in <see cref="ApiResponse{T}"/>; <see cref="NextCursor"/> is null on the last page.
/// </summary>
public sealed record PagedApiResponse<T>(bool Success, T Data, string? NextCursor);
