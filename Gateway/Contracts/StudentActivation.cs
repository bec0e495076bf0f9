namespace MasteryEngine.Gateway.Contracts;

/// <summary>
/// Where a student's grain is active: <paramref name="Silo"/> is the name of the silo hosting it (as in
/// <c>X-Served-By</c> and the membership table) and <paramref name="ActivationId"/> the activation's id, the same
/// through every gateway while the activation lives.
/// </summary>
public sealed record StudentActivation(string StudentId, string Silo, string ActivationId);
