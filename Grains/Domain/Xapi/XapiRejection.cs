namespace MasteryEngine.Grains.Domain.Xapi;

/// <summary>
/// Why a statement was refused: <see cref="Rule"/> names the xAPI rule it breaks (or the service's mapping rule),
/// <see cref="Message"/> says what to fix, <see cref="Index"/> is its position in the posted array (0 for one).
/// </summary>
public sealed record XapiRejection(int Index, string Rule, string Message);
